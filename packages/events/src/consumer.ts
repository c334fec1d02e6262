import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { EventEnvelope, EventType } from './catalogue';
import { parseEventEnvelope } from './envelope';
import type { SqlExecutor } from './outbox';
import type { TransactionRunner } from './pg-transaction';
import type { QueuedEvent } from './relay';
import { contextOfEventTrace } from './trace-context';
import {
  DEFAULT_QUEUE_PREFIX,
  deadLetterQueueName,
  deliveryAttempts,
  eventQueueName,
  redisConnection,
} from './queues';

export type EventHandlers = {
  [T in EventType]?: (event: EventEnvelope<T>, tx: SqlExecutor) => Promise<unknown>;
};

/** Handlers that need no database: each is idempotent and order-free on its own. */
export type StorelessEventHandlers = {
  [T in EventType]?: (event: EventEnvelope<T>) => Promise<unknown>;
};

interface Log {
  error(object: unknown, message: string): void;
}

interface QueueOptions {
  service: string;
  redisUrl: string;
  queuePrefix?: string | undefined;
  concurrency?: number;
  log?: Log;
}

export interface EventConsumerOptions extends QueueOptions {
  handlers: EventHandlers;
  /** Runs the processed-id mark and the handler in one database transaction. */
  runInTransaction: TransactionRunner;
}

export interface StorelessEventConsumerOptions extends QueueOptions {
  handlers: StorelessEventHandlers;
}

export interface DeadLetter {
  envelope: EventEnvelope;
  error: string;
  attemptsMade: number;
  failedAt: string;
}

/**
 * Applies each event to this service once: the event id is recorded in `processed_events` in the
 * same transaction as the handler's writes, so a redelivered event finds its id and is skipped.
 * Failures retry with backoff; the last failure moves the event to the dead-letter queue.
 */
export function startEventConsumer(options: EventConsumerOptions) {
  return consumeQueue(options, async (envelope) => {
    const handler = handlerFor(options.service, options.handlers, envelope) as (
      event: EventEnvelope,
      tx: SqlExecutor,
    ) => Promise<unknown>;
    await options.runInTransaction(async (tx) => {
      const fresh = await tx.$executeRawUnsafe(
        'INSERT INTO "processed_events" ("consumer", "eventId") VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING',
        options.service,
        envelope.id,
      );
      if (fresh === 0) return;
      await handler(envelope, tx);
    });
  });
}

/**
 * For a process without a database (the gateway): no `processed_events` row guards a redelivery,
 * so each handler must give the same result however often and in whatever order its events come.
 * Retries and dead letters work as in `startEventConsumer`.
 */
export function startStorelessEventConsumer(options: StorelessEventConsumerOptions) {
  return consumeQueue(options, async (envelope) => {
    const handler = handlerFor(options.service, options.handlers, envelope) as (
      event: EventEnvelope,
    ) => Promise<unknown>;
    await handler(envelope);
  });
}

function handlerFor(service: string, handlers: object, envelope: EventEnvelope): unknown {
  const handler = (handlers as Record<string, unknown>)[envelope.type];
  if (!handler) throw new UnrecoverableError(`${service} has no handler for ${envelope.type}`);
  return handler;
}

const tracer = trace.getTracer('@gametriggers/events');

/** The service's queue: envelopes checked, failures retried, the last one dead-lettered. */
function consumeQueue(options: QueueOptions, apply: (envelope: EventEnvelope) => Promise<void>) {
  const prefix = options.queuePrefix ?? DEFAULT_QUEUE_PREFIX;
  const connection = redisConnection(options.redisUrl);
  const deadLetters = new Queue<DeadLetter>(deadLetterQueueName(options.service), {
    connection,
    prefix,
  });

  async function applyOnce(job: Job<QueuedEvent>) {
    let envelope: EventEnvelope;
    try {
      envelope = parseEventEnvelope(job.data);
    } catch (error) {
      // A malformed or unknown event will not get better by retrying.
      throw new UnrecoverableError(`Invalid event: ${(error as Error).message}`);
    }
    await apply(envelope);
  }

  async function process(job: Job<QueuedEvent>) {
    // A span per delivery, in the trace of the change that recorded the event (the relay's span).
    const parent = contextOfEventTrace(job.data.trace);
    const span = tracer.startSpan(
      `process ${String(job.data.type)}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'bullmq',
          'messaging.operation.type': 'process',
          'messaging.destination.name': eventQueueName(options.service),
          'messaging.consumer.group.name': options.service,
          'messaging.message.id': String(job.data.id),
          'gametriggers.event.type': String(job.data.type),
          'gametriggers.service': options.service,
          'gametriggers.attempt': job.attemptsMade + 1,
        },
      },
      parent,
    );
    try {
      await context.with(trace.setSpan(parent, span), () => applyOnce(job));
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      const attemptsMade = job.attemptsMade + 1;
      const finalAttempt =
        error instanceof UnrecoverableError || attemptsMade >= (job.opts.attempts ?? 1);
      // Dead-lettered before the job is marked failed: if this process dies in between, the job
      // stalls and runs again instead of vanishing.
      if (finalAttempt) await deadLetter(job, error as Error, attemptsMade);
      throw error;
    } finally {
      span.end();
    }
  }

  async function deadLetter(job: Job<QueuedEvent>, error: Error, attemptsMade: number) {
    const envelope = job.data;
    options.log?.error(
      { err: error, eventId: envelope.id, type: envelope.type, attemptsMade },
      'event dead-lettered',
    );
    await deadLetters.add(
      String(envelope.type),
      { envelope, error: error.message, attemptsMade, failedAt: new Date().toISOString() },
      // Keyed by the job, not only the event, so a replayed event that fails again is kept too.
      { jobId: String(job.id ?? envelope.id), removeOnFail: false },
    );
  }

  const worker = new Worker<QueuedEvent>(eventQueueName(options.service), process, {
    connection,
    prefix,
    concurrency: options.concurrency ?? 8,
  });
  worker.on('error', (error) => options.log?.error({ err: error }, 'event worker error'));

  return {
    worker,
    async stop() {
      await worker.close();
      await deadLetters.close();
    },
  };
}

function deadLetterQueue(service: string, redisUrl: string, prefix: string) {
  return new Queue<DeadLetter>(deadLetterQueueName(service), {
    connection: redisConnection(redisUrl),
    prefix,
  });
}

/** Dead-lettered events of a service, newest first, for inspection. */
export async function listDeadLetters(
  service: string,
  redisUrl: string,
  prefix = DEFAULT_QUEUE_PREFIX,
) {
  const queue = deadLetterQueue(service, redisUrl, prefix);
  try {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'paused'], 0, 999, false);
    return jobs.map((job) => ({ id: job.id ?? '', ...job.data }));
  } finally {
    await queue.close();
  }
}

/** Puts a dead-lettered event back on the service's queue; consumers still skip it if applied. */
export async function retryDeadLetter(
  service: string,
  deadLetterId: string,
  redisUrl: string,
  prefix = DEFAULT_QUEUE_PREFIX,
) {
  const dead = deadLetterQueue(service, redisUrl, prefix);
  const live = new Queue<EventEnvelope>(eventQueueName(service), {
    connection: redisConnection(redisUrl),
    prefix,
  });
  try {
    const job = await dead.getJob(deadLetterId);
    if (!job) return false;
    await live.add(job.data.envelope.type, job.data.envelope, {
      jobId: `${job.data.envelope.id}-retry-${Date.now()}`,
      ...deliveryAttempts,
      removeOnFail: false,
    });
    await job.remove();
    return true;
  } finally {
    await Promise.all([dead.close(), live.close()]);
  }
}
