import { SpanKind, trace } from '@opentelemetry/api';
import { Queue } from 'bullmq';
import pg from 'pg';
import type { EventEnvelope } from './catalogue';
import { eventCatalogue, isEventType, subscribersOf } from './catalogue';
import type { QueueStatsReader } from './queue-depths';
import { createQueueStatsReader } from './queue-depths';
import { DEFAULT_QUEUE_PREFIX, deliveryAttempts, eventQueueName, redisConnection } from './queues';
import type { EventTrace } from './trace-context';
import { contextOfEventTrace, endingSpan, eventTraceOf, splitStoredPayload } from './trace-context';

interface Log {
  error(object: unknown, message: string): void;
}

export interface OutboxRelayOptions {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix?: string | undefined;
  pollIntervalMs?: number;
  batchSize?: number;
  /** The first retry's delay; each later retry doubles it. */
  retryBackoffMs?: number;
  log?: Log;
  /** Told of each event once it is on its subscribers' queues (a service's business counters). */
  onPublished?: (event: EventEnvelope) => void;
}

export interface RelayStepOptions {
  batchSize?: number | undefined;
  /** The first retry's delay; each later retry doubles it. */
  retryBackoffMs?: number | undefined;
  /** Called after the batch is on the queues and before it is marked; the crash test dies here. */
  afterPublish?: (publishedIds: string[]) => void;
  /** Called after the batch is committed with its events, each once on its subscribers' queues. */
  onPublished?: ((event: EventEnvelope) => void) | undefined;
}

/** An event as it travels on a queue: the envelope, and the trace of the change that recorded it. */
export type QueuedEvent = EventEnvelope & { trace?: EventTrace };

const tracer = trace.getTracer('@gametriggers/events');

interface OutboxRow {
  id: string;
  type: string;
  payload: unknown;
  occurredAt: Date;
}

/** Queues by subscribing service, created on first use. */
export function createQueueSet(redisUrl: string, prefix = DEFAULT_QUEUE_PREFIX, log?: Log) {
  const queues = new Map<string, Queue>();
  return {
    queueFor(service: string): Queue {
      let queue = queues.get(service);
      if (!queue) {
        queue = new Queue(eventQueueName(service), {
          connection: redisConnection(redisUrl),
          prefix,
        });
        // BullMQ emits connection errors; unheard, they would crash the process.
        queue.on('error', (error) => log?.error({ err: error }, `event queue ${service} error`));
        queues.set(service, queue);
      }
      return queue;
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
export type QueueSet = ReturnType<typeof createQueueSet>;

/**
 * Publishes one batch of unpublished outbox rows and marks them, in one database transaction.
 * A crash after publishing but before the mark publishes the rows again on the next run: BullMQ
 * drops a re-added job id and consumers skip event ids they have processed, so the effect is once.
 */
export async function relayOnce(
  pool: pg.Pool,
  queues: QueueSet,
  options: RelayStepOptions = {},
): Promise<number> {
  const { batchSize = 100, retryBackoffMs = deliveryAttempts.backoff.delay } = options;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<OutboxRow>(
      `SELECT "id", "type", "payload", "occurredAt" FROM "outbox_events"
       WHERE "publishedAt" IS NULL AND "type" = ANY($2::text[])
       ORDER BY "occurredAt" LIMIT $1 FOR UPDATE SKIP LOCKED`,
      // Types this build does not know are left for a newer relay (during a rolling deploy).
      [batchSize, Object.keys(eventCatalogue)],
    );
    const published: EventEnvelope[] = [];
    for (const row of rows) {
      if (!isEventType(row.type)) continue;
      const { payload, trace: recorded } = splitStoredPayload(row.payload);
      const envelope = {
        id: row.id,
        type: row.type,
        payload,
        occurredAt: row.occurredAt.toISOString(),
      } as EventEnvelope;
      const subscribers = subscribersOf(row.type);
      // A span per event, in the trace of the change that recorded it; consumers continue this one.
      const parent = contextOfEventTrace(recorded);
      const span = tracer.startSpan(
        `publish ${row.type}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'bullmq',
            'messaging.operation.type': 'send',
            'messaging.message.id': row.id,
            'messaging.destination.name': subscribers.map(eventQueueName).join(','),
            'gametriggers.event.type': row.type,
          },
        },
        parent,
      );
      const eventTrace = eventTraceOf(trace.setSpan(parent, span));
      const queued: QueuedEvent = eventTrace ? { ...envelope, trace: eventTrace } : envelope;
      await endingSpan(span, async () => {
        for (const service of subscribers) {
          await queues.queueFor(service).add(row.type, queued, {
            jobId: row.id,
            attempts: deliveryAttempts.attempts,
            backoff: { type: 'exponential', delay: retryBackoffMs },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: false,
          });
        }
      });
      published.push(envelope);
    }
    options.afterPublish?.(rows.map((row) => row.id));
    if (rows.length) {
      await client.query(
        `UPDATE "outbox_events" SET "publishedAt" = now(), "attempts" = "attempts" + 1 WHERE "id" = ANY($1::uuid[])`,
        [rows.map((row) => row.id)],
      );
    }
    await client.query('COMMIT');
    for (const event of published) options.onPublished?.(event);
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** What the relay has yet to publish: the health page's outbox lag. */
export interface OutboxBacklog {
  pending: number;
  /** When the oldest unpublished event occurred; null when none waits. */
  oldestPendingAt: Date | null;
}

/** Counts the unpublished outbox rows (the `publishedAt, occurredAt` index answers it). */
export async function outboxBacklog(pool: pg.Pool): Promise<OutboxBacklog> {
  const { rows } = await pool.query<{ pending: string; oldest: Date | null }>(
    `SELECT count(*) AS pending, min("occurredAt") AS oldest FROM "outbox_events" WHERE "publishedAt" IS NULL`,
  );
  return { pending: Number(rows[0]?.pending ?? 0), oldestPendingAt: rows[0]?.oldest ?? null };
}

/** Polls the outbox and publishes until stopped; a failed round is logged and retried. */
export function startOutboxRelay(options: OutboxRelayOptions) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  // An idle connection the server dropped is replaced on next use; it must not crash the process.
  pool.on('error', (error) => options.log?.error({ err: error }, 'outbox relay connection lost'));
  const queues = createQueueSet(
    options.redisUrl,
    options.queuePrefix ?? DEFAULT_QUEUE_PREFIX,
    options.log,
  );
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let queueStats: QueueStatsReader | undefined;

  const { onPublished } = options;
  const relayBatch = () =>
    relayOnce(pool, queues, {
      batchSize: options.batchSize,
      retryBackoffMs: options.retryBackoffMs,
      // A failing listener must not fail (and so repeat) a batch that is already committed.
      onPublished:
        onPublished &&
        ((event) => {
          try {
            onPublished(event);
          } catch (error) {
            options.log?.error({ err: error, eventId: event.id }, 'onPublished failed');
          }
        }),
    });

  const tick = () => {
    running = (async () => {
      try {
        // Drain while there is a backlog; then wait for the next poll.
        while (!stopped && (await relayBatch()) > 0);
      } catch (error) {
        options.log?.error({ err: error }, 'outbox relay round failed');
      }
      if (!stopped) timer = setTimeout(tick, pollIntervalMs);
    })();
  };
  tick();

  return {
    backlog: () => outboxBacklog(pool),
    /** The queues `service` owns, through the relay's Redis (the service kit's queue gauges). */
    queueStats(service: string) {
      queueStats ??= createQueueStatsReader({
        redisUrl: options.redisUrl,
        prefix: options.queuePrefix ?? DEFAULT_QUEUE_PREFIX,
        service,
      });
      return queueStats.queueStats();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await queues.close();
      await queueStats?.close();
      await pool.end();
    },
  };
}
