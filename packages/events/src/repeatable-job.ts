import { ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { Queue, Worker } from 'bullmq';
import { redisConnection } from './queues';
import { endingSpan } from './trace-context';

const tracer = trace.getTracer('@gametriggers/events');

interface Log {
  error(object: unknown, message: string): void;
}

/** A service's repeatable BullMQ job: one run at a time across its instances, every `everyMs`. */
export async function startRepeatableJob(options: {
  queue: string;
  everyMs: number;
  /** Wait one period before the first run (jobs that call Stripe: a restart loop must not hammer it). */
  firstRunAfterOnePeriod: boolean;
  run: () => Promise<unknown>;
  redisUrl: string;
  prefix: string;
  log: Log;
}) {
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue(options.queue, { connection, prefix: options.prefix });
  // BullMQ emits connection errors; unheard, they would crash the process.
  queue.on('error', (error) => options.log.error({ err: error, queue: options.queue }, 'job queue error'));
  await queue.upsertJobScheduler(
    options.queue,
    {
      every: options.everyMs,
      ...(options.firstRunAfterOnePeriod ? { startDate: new Date(Date.now() + options.everyMs) } : {}),
    },
    { name: options.queue, data: {} },
  );
  // Each run is a trace of its own: what it records and calls joins it.
  const run = () =>
    tracer.startActiveSpan(
      `job ${options.queue}`,
      { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'bullmq', 'messaging.destination.name': options.queue } },
      ROOT_CONTEXT,
      (span) => endingSpan(span, options.run),
    );
  const worker = new Worker(options.queue, run, { connection, prefix: options.prefix, concurrency: 1 });
  worker.on('failed', (job, error) => options.log.error({ err: error, jobId: job?.id, queue: options.queue }, 'job failed'));
  worker.on('error', (error) => options.log.error({ err: error, queue: options.queue }, 'job worker error'));
  // Closing a worker whose connection is still opening rejects with "Connection is closed".
  await worker.waitUntilReady();
  return {
    async stop() {
      await worker.close();
      await queue.close();
    },
  };
}
