import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { Queue } from 'bullmq';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { EventEnvelope } from './catalogue';
import { listDeadLetters, retryDeadLetter, startEventConsumer } from './consumer';
import { recordEvent } from './outbox';
import { pgTransactionRunner } from './pg-transaction';
import { createQueueStatsReader } from './queue-depths';
import { deadLetterQueueName, eventQueueName, redisConnection } from './queues';
import { startOutboxRelay } from './relay';
import { useEventsStore } from './testing-fixtures/events-store';

// This file's process traces into memory, as a service's would into its collector.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
const tracer = trace.getTracer('test');

const store = useEventsStore('events_observability');
const { cleanups } = store;
afterEach(() => exporter.reset());
afterAll(() => provider.shutdown());

/** A request's work: an event recorded inside its span, as a procedure records one. */
function requestRecording(email: string) {
  return tracer.startActiveSpan('POST /trpc', { kind: SpanKind.SERVER }, async (span) => {
    try {
      const event = await pgTransactionRunner(store.pool)((tx) =>
        recordEvent(tx, 'identity.email_requested', {
          to: email,
          template: 'verify_email',
          link: 'http://localhost:3000/verify-email?token=abc',
        }),
      );
      return { event, request: span.spanContext() };
    } finally {
      span.end();
    }
  });
}

/** The identity service's consumer writing each event to the ledger; it fails `failures` times first, and always for events `refuses`. */
function startLedgerConsumer(
  options: { failures?: number; refuses?: (event: EventEnvelope<'identity.email_requested'>) => boolean } = {},
) {
  let failuresLeft = options.failures ?? 0;
  const handled: Array<EventEnvelope<'identity.email_requested'>> = [];
  const consumer = startEventConsumer({
    service: 'identity',
    redisUrl: store.redis.url,
    queuePrefix: store.redis.prefix,
    runInTransaction: pgTransactionRunner(store.pool),
    handlers: {
      'identity.email_requested': async (event, tx) => {
        if (options.refuses?.(event)) throw new Error('refused');
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('the mail server is down');
        }
        handled.push(event);
        await tx.$executeRawUnsafe(
          'INSERT INTO "ledger" ("eventId", "email") VALUES ($1::uuid, $2)',
          event.id,
          event.payload.to,
        );
      },
    },
  });
  cleanups.push(() => consumer.stop());
  return { consumer, handled };
}

function startRelay(onPublished?: (event: EventEnvelope) => void) {
  const relay = startOutboxRelay({
    databaseUrl: store.database.url,
    redisUrl: store.redis.url,
    queuePrefix: store.redis.prefix,
    pollIntervalMs: 20,
    retryBackoffMs: 10,
    onPublished,
  });
  cleanups.push(() => relay.stop());
  return relay;
}

const spansNamed = (name: string) => exporter.getFinishedSpans().filter((span) => span.name === name);
const parentOf = (span: ReadableSpan | undefined) => span?.parentSpanContext?.spanId;

describe('one trace from the change to its consumers', () => {
  it('stores the trace beside the payload, and the relay and consumer continue it', async () => {
    const { event, request } = await requestRecording('traced@example.com');
    const { rows } = await store.pool.query<{ payload: Record<string, unknown> }>(
      'SELECT "payload" FROM "outbox_events" WHERE "id" = $1::uuid',
      [event.id],
    );
    expect(rows[0]?.payload.$trace).toEqual({
      traceparent: `00-${request.traceId}-${request.spanId}-01`,
    });

    const published: EventEnvelope[] = [];
    startRelay((envelope) => published.push(envelope));
    const { handled } = startLedgerConsumer();
    await vi.waitUntil(() => spansNamed('process identity.email_requested').length === 1, { timeout: 10_000 });

    const [publish] = spansNamed('publish identity.email_requested');
    const [process] = spansNamed('process identity.email_requested');
    expect(publish?.spanContext().traceId).toBe(request.traceId);
    expect(parentOf(publish)).toBe(request.spanId);
    expect(publish).toMatchObject({ kind: SpanKind.PRODUCER });
    expect(publish?.attributes).toMatchObject({
      'messaging.system': 'bullmq',
      'messaging.message.id': event.id,
      'messaging.destination.name': eventQueueName('identity'),
    });
    expect(process?.spanContext().traceId).toBe(request.traceId);
    expect(parentOf(process)).toBe(publish?.spanContext().spanId);
    expect(process).toMatchObject({ kind: SpanKind.CONSUMER });
    expect(process?.attributes).toMatchObject({ 'gametriggers.service': 'identity', 'gametriggers.attempt': 1 });
    // Handlers and the relay's listener see the payload the catalogue defines, nothing more.
    expect(handled.map((applied) => applied.payload)).toEqual([event.payload]);
    expect(published).toEqual([{ ...event, occurredAt: published[0]?.occurredAt }]);
  });

  it('keeps the trace through the dead letters: a replayed event continues it', async () => {
    const { event, request } = await requestRecording('flaky@example.com');
    startRelay();
    const first = startLedgerConsumer({ failures: 99 });
    await vi.waitUntil(async () => (await listDeadLetters('identity', store.redis.url, store.redis.prefix)).length === 1, {
      timeout: 20_000,
      interval: 50,
    });
    const failed = spansNamed('process identity.email_requested');
    expect(failed.length).toBe(5);
    expect(failed.every((span) => span.status.code === SpanStatusCode.ERROR && span.spanContext().traceId === request.traceId)).toBe(true);

    await first.consumer.stop();
    startLedgerConsumer();
    const [dead] = await listDeadLetters('identity', store.redis.url, store.redis.prefix);
    expect(await retryDeadLetter('identity', dead?.id ?? '', store.redis.url, store.redis.prefix)).toBe(true);
    await vi.waitUntil(() => spansNamed('process identity.email_requested').length === 6, { timeout: 10_000 });
    const replayed = spansNamed('process identity.email_requested').at(-1);
    expect(replayed?.spanContext().traceId).toBe(request.traceId);
    expect(replayed?.status.code).not.toBe(SpanStatusCode.ERROR);
    const { rows } = await store.pool.query('SELECT 1 FROM "ledger" WHERE "eventId" = $1::uuid', [event.id]);
    expect(rows).toHaveLength(1);
  });

  it('tells the service each published event once, after it is committed', async () => {
    const published: string[] = [];
    startRelay((envelope) => published.push(envelope.id));
    const { event: one } = await requestRecording('one@example.com');
    const { event: two } = await requestRecording('two@example.com');
    await vi.waitUntil(() => published.length === 2, { timeout: 10_000 });
    expect(published.sort()).toEqual([one.id, two.id].sort());
    const { rows } = await store.pool.query('SELECT 1 FROM "outbox_events" WHERE "publishedAt" IS NULL');
    expect(rows).toHaveLength(0);
  });
});

describe('queue stats', () => {
  const at = Date.parse('2026-11-24T15:00:00Z');

  function queueNamed(name: string) {
    const queue = new Queue(name, { connection: redisConnection(store.redis.url), prefix: store.redis.prefix });
    cleanups.push(() => queue.close());
    return queue;
  }

  it('reads the service’s own queues by state, the oldest waiting job’s age and its dead letters', async () => {
    const events = queueNamed(eventQueueName('identity'));
    await events.add('a', {}, { timestamp: at - 90_000 });
    await events.add('b', {}, { timestamp: at - 30_000 });
    await events.add('c', {}, { delay: 60_000 });
    const dead = queueNamed(deadLetterQueueName('identity'));
    await dead.add('x', {});
    await dead.add('y', {});
    const jobs = queueNamed('identity-cleanup');
    await jobs.add('z', {}, { delay: 60_000 });
    await queueNamed('identity.sync').add('w', {}, { timestamp: at - 5_000 });
    await queueNamed('campaign-schedule').add('not identity’s', {});

    const reader = createQueueStatsReader({
      redisUrl: store.redis.url,
      prefix: store.redis.prefix,
      service: 'identity',
      now: () => at,
    });
    cleanups.push(() => reader.close());
    const stats = await reader.queueStats();
    expect(stats.map((queue) => queue.queue)).toEqual(['events.identity', 'identity-cleanup', 'identity.sync']);
    expect(stats[0]).toEqual({
      queue: 'events.identity',
      jobs: { waiting: 2, active: 0, delayed: 1, failed: 0, completed: 0 },
      oldestWaitingAgeSeconds: 90,
      deadLetters: 2,
    });
    expect(stats[1]).toEqual({
      queue: 'identity-cleanup',
      jobs: { waiting: 0, active: 0, delayed: 1, failed: 0, completed: 0 },
      oldestWaitingAgeSeconds: 0,
    });
    expect(stats[2]?.oldestWaitingAgeSeconds).toBe(5);
  });

  it('reads the event queue before any event reached it, and counts failed and completed jobs', async () => {
    const reader = createQueueStatsReader({ redisUrl: store.redis.url, prefix: store.redis.prefix, service: 'payment' });
    cleanups.push(() => reader.close());
    expect(await reader.queueStats()).toEqual([
      {
        queue: 'events.payment',
        jobs: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
        oldestWaitingAgeSeconds: 0,
        deadLetters: 0,
      },
    ]);

    await requestRecording('counted@example.com');
    await requestRecording('failing@example.com');
    startRelay();
    startLedgerConsumer({ refuses: (event) => event.payload.to.startsWith('failing') });
    const identity = createQueueStatsReader({ redisUrl: store.redis.url, prefix: store.redis.prefix, service: 'identity' });
    cleanups.push(() => identity.close());
    await vi.waitUntil(
      async () => {
        const [events] = await identity.queueStats();
        return events?.jobs.completed === 1 && events.jobs.failed === 1 && events.deadLetters === 1;
      },
      { timeout: 20_000, interval: 100 },
    );
  });
});
