import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import type { TestDatabase, TestRedisNamespace } from '@gametriggers/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  listDeadLetters,
  retryDeadLetter,
  startEventConsumer,
  startStorelessEventConsumer,
} from './consumer';
import { recordEvent, recordEvents } from './outbox';
import { pgTransactionRunner } from './pg-transaction';
import { queueDepths } from './queue-depths';
import { createQueueSet, outboxBacklog, relayOnce, startOutboxRelay } from './relay';

const fixtures = path.join(import.meta.dirname, 'testing-fixtures');
let database: TestDatabase;
let redis: TestRedisNamespace;
let pool: pg.Pool;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  database = await createTestDatabase(path.join(fixtures, 'migrations'), 'events');
  redis = createTestRedisNamespace('events');
  pool = new pg.Pool({ connectionString: database.url });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await pool.query('TRUNCATE "outbox_events", "processed_events", "accounts", "ledger"');
  await redis.clear();
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

const transaction = () => pgTransactionRunner(pool);

/** A sign-up: the account row and its event in one transaction. */
async function signUp(email: string, failAfterEvent = false) {
  return transaction()(async (tx) => {
    await tx.$executeRawUnsafe(
      'INSERT INTO "accounts" ("id", "email") VALUES ($1::uuid, $2)',
      randomUUID(),
      email,
    );
    const event = await recordEvent(tx, 'identity.email_requested', {
      to: email,
      template: 'verify_email',
      link: 'http://localhost:3000/verify-email?token=abc',
    });
    if (failAfterEvent) throw new Error('the sign-up failed after writing its event');
    return event;
  });
}

function startWelcomeConsumer(handlerFailures = 0) {
  let failuresLeft = handlerFailures;
  const consumer = startEventConsumer({
    service: 'identity',
    redisUrl: redis.url,
    queuePrefix: redis.prefix,
    runInTransaction: transaction(),
    handlers: {
      'identity.email_requested': async (event, tx) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('the mail server is down');
        }
        await tx.$executeRawUnsafe(
          'INSERT INTO "ledger" ("eventId", "email") VALUES ($1::uuid, $2)',
          event.id,
          event.payload.to,
        );
      },
    },
  });
  cleanups.push(() => consumer.stop());
  return consumer;
}

async function count(table: string) {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
  return Number(rows[0]?.n);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met in time');
}

describe('recordEvent', () => {
  it('refuses a payload that does not match the catalogue', async () => {
    await expect(
      transaction()((tx) =>
        recordEvent(tx, 'identity.email_requested', { to: 'not-an-email' } as never),
      ),
    ).rejects.toThrow(/to|template|link/);
  });

  it('rolls back with the change it announces', async () => {
    await expect(signUp('gone@example.com', true)).rejects.toThrow(/failed after/);
    expect(await count('accounts')).toBe(0);
    expect(await count('outbox_events')).toBe(0);
  });
});

describe('recordEvents', () => {
  it('writes many events of one type in one statement, each with its own id and payload', async () => {
    const recipients = ['a@example.com', 'b@example.com', 'c@example.com'];
    const events = await transaction()((tx) =>
      recordEvents(
        tx,
        'identity.email_requested',
        recipients.map((to) => ({
          to,
          template: 'verify_email' as const,
          link: 'http://localhost:3000/v',
        })),
      ),
    );
    expect(new Set(events.map((event) => event.id)).size).toBe(3);
    const { rows } = await pool.query<{ id: string; payload: { to: string } }>(
      `SELECT "id", "payload" FROM "outbox_events" WHERE "type" = 'identity.email_requested'`,
    );
    expect(rows.map((row) => row.payload.to).sort()).toEqual(recipients);
    // No tracer is registered in this file: nothing but the payload is stored.
    expect(rows.every((row) => !('$trace' in row.payload))).toBe(true);
    expect(rows.map((row) => row.id).sort()).toEqual(events.map((event) => event.id).sort());
  });

  it('refuses the whole batch when one payload does not match the catalogue', async () => {
    await expect(
      transaction()((tx) =>
        recordEvents(tx, 'identity.email_requested', [
          { to: 'a@example.com', template: 'verify_email', link: 'http://localhost:3000/v' },
          { to: 'nope' } as never,
        ]),
      ),
    ).rejects.toThrow(/to|template|link/);
    expect(await count('outbox_events')).toBe(0);
  });
});

describe('relay and consumer', () => {
  it('publishes each row once and the consumer applies it once', async () => {
    const queues = createQueueSet(redis.url, redis.prefix);
    cleanups.push(() => queues.close());
    await signUp('one@example.com');
    await signUp('two@example.com');
    expect(await relayOnce(pool, queues)).toBe(2);
    expect(await relayOnce(pool, queues)).toBe(0);
    const { rows } = await pool.query('SELECT 1 FROM "outbox_events" WHERE "publishedAt" IS NULL');
    expect(rows).toHaveLength(0);
    startWelcomeConsumer();
    await eventually(async () => (await count('ledger')) === 2);
  });

  it('applies a redelivered event once', async () => {
    const event = await signUp('twice@example.com');
    const queues = createQueueSet(redis.url, redis.prefix);
    cleanups.push(() => queues.close());
    const queue = queues.queueFor('identity');
    startWelcomeConsumer();
    await queue.add(event.type, event, { jobId: `${event.id}-a` });
    await queue.add(event.type, event, { jobId: `${event.id}-b` });
    await eventually(
      async () =>
        (await count('processed_events')) === 1 && (await queue.getCompletedCount()) === 2,
    );
    expect(await count('ledger')).toBe(1);
  });

  it('retries with backoff, dead-letters after the last attempt, and replays from there', async () => {
    await signUp('flaky@example.com');
    const relay = startOutboxRelay({
      databaseUrl: database.url,
      redisUrl: redis.url,
      queuePrefix: redis.prefix,
      retryBackoffMs: 10,
    });
    cleanups.push(() => relay.stop());
    const consumer = startWelcomeConsumer(99);
    await eventually(
      async () => (await listDeadLetters('identity', redis.url, redis.prefix)).length === 1,
      20_000,
    );
    const [dead] = await listDeadLetters('identity', redis.url, redis.prefix);
    expect(dead).toMatchObject({ error: 'the mail server is down', attemptsMade: 5 });
    expect(await count('ledger')).toBe(0);

    await consumer.stop();
    startWelcomeConsumer(0);
    expect(await retryDeadLetter('identity', dead?.id ?? '', redis.url, redis.prefix)).toBe(true);
    await eventually(async () => (await count('ledger')) === 1);
    expect(await listDeadLetters('identity', redis.url, redis.prefix)).toHaveLength(0);
  });
});

describe('a consumer without a database', () => {
  it('applies every delivery (its handler is idempotent itself) and dead-letters events it has no handler for', async () => {
    const queues = createQueueSet(redis.url, redis.prefix);
    cleanups.push(() => queues.close());
    const suspendedAt = new Map<string, string>();
    const consumer = startStorelessEventConsumer({
      service: 'gateway',
      redisUrl: redis.url,
      queuePrefix: redis.prefix,
      handlers: {
        'user.suspended': (event) => {
          suspendedAt.set(event.payload.userId, event.payload.suspendedAt);
          return Promise.resolve();
        },
      },
    });
    cleanups.push(() => consumer.stop());
    const queue = queues.queueFor('gateway');
    const userId = randomUUID();
    const suspended = {
      id: randomUUID(),
      type: 'user.suspended',
      payload: { userId, role: 'brand', suspendedAt: '2026-03-01T12:00:00.000Z' },
      occurredAt: '2026-03-01T12:00:00.000Z',
    };
    await queue.add(suspended.type, suspended, { jobId: `${suspended.id}-a` });
    await queue.add(suspended.type, suspended, { jobId: `${suspended.id}-b` });
    const unhandled = {
      id: randomUUID(),
      type: 'user.reactivated',
      payload: { userId, role: 'brand' },
      occurredAt: '2026-03-01T12:05:00.000Z',
    };
    await queue.add(unhandled.type, unhandled, { jobId: unhandled.id, attempts: 5 });
    await eventually(async () => (await queue.getCompletedCount()) === 2);
    expect(suspendedAt.get(userId)).toBe('2026-03-01T12:00:00.000Z');
    await eventually(
      async () => (await listDeadLetters('gateway', redis.url, redis.prefix)).length === 1,
    );
    const [dead] = await listDeadLetters('gateway', redis.url, redis.prefix);
    expect(dead).toMatchObject({ attemptsMade: 1, envelope: { id: unhandled.id } });
    expect(dead?.error).toMatch(/gateway has no handler for user\.reactivated/);
  });
});

describe('what waits: the outbox backlog and the queue depths', () => {
  it('counts unpublished rows with the oldest one, and the jobs of each queue by state', async () => {
    expect(await outboxBacklog(pool)).toEqual({ pending: 0, oldestPendingAt: null });
    const first = await signUp('a@example.com');
    await signUp('b@example.com');
    expect(await outboxBacklog(pool)).toEqual({
      pending: 2,
      oldestPendingAt: new Date(first.occurredAt),
    });

    const queues = createQueueSet(redis.url, redis.prefix);
    cleanups.push(() => queues.close());
    await relayOnce(pool, queues);
    expect((await outboxBacklog(pool)).pending).toBe(0);
    expect(await queueDepths(redis.url, redis.prefix)).toEqual([
      { queue: 'events.identity', waiting: 2, active: 0, failed: 0, delayed: 0 },
    ]);
  });
});

describe('a relay whose database connection is dropped', () => {
  it('logs it, reconnects and goes on publishing', async () => {
    const logged: string[] = [];
    const relay = startOutboxRelay({
      databaseUrl: `${database.url}?application_name=relay-under-test`,
      redisUrl: redis.url,
      queuePrefix: redis.prefix,
      log: { error: (_object, message) => logged.push(message) },
    });
    cleanups.push(() => relay.stop());
    startWelcomeConsumer();
    await signUp('before@example.com');
    await eventually(async () => (await count('ledger')) === 1);
    // The server ends the relay's connections (a restart, a failover, an idle timeout).
    const { rowCount } = await pool.query(
      `SELECT pg_terminate_backend("pid") FROM pg_stat_activity WHERE "application_name" = 'relay-under-test'`,
    );
    expect(rowCount).toBeGreaterThan(0);
    await signUp('after@example.com');
    await eventually(async () => (await count('ledger')) === 2);
    // Usually idle when it was ended, sometimes in the middle of a round.
    expect(logged.some((message) => /connection lost|round failed/.test(message))).toBe(true);
  });
});

describe('events the catalogue does not know', () => {
  it('are dead-lettered by the consumer at once, without retries or effects', async () => {
    const queues = createQueueSet(redis.url, redis.prefix);
    cleanups.push(() => queues.close());
    startWelcomeConsumer();
    const id = randomUUID();
    await queues
      .queueFor('identity')
      .add(
        'campaign.exploded',
        { id, type: 'campaign.exploded', payload: {}, occurredAt: new Date().toISOString() },
        { jobId: id, attempts: 5 },
      );
    await eventually(
      async () => (await listDeadLetters('identity', redis.url, redis.prefix)).length === 1,
    );
    const [dead] = await listDeadLetters('identity', redis.url, redis.prefix);
    expect(dead).toMatchObject({ id, attemptsMade: 1, envelope: { type: 'campaign.exploded' } });
    expect(dead?.error).toMatch(/Unknown event type campaign\.exploded/);
    expect(await count('processed_events')).toBe(0);
    expect(await count('ledger')).toBe(0);
  });

  it('are left in the outbox for a relay that knows them', async () => {
    await pool.query(
      `INSERT INTO "outbox_events" ("id", "type", "payload") VALUES ($1, 'campaign.exploded', '{}')`,
      [randomUUID()],
    );
    await signUp('known@example.com');
    const queues = createQueueSet(redis.url, redis.prefix);
    cleanups.push(() => queues.close());
    expect(await relayOnce(pool, queues)).toBe(1);
    const { rows } = await pool.query<{ type: string }>(
      'SELECT "type" FROM "outbox_events" WHERE "publishedAt" IS NULL',
    );
    expect(rows).toEqual([{ type: 'campaign.exploded' }]);
  });
});

describe('a relay killed mid-way', () => {
  const exec = promisify(execFile);
  async function crashRelay(moment: 'before-publish' | 'after-publish') {
    const script = path.join(fixtures, 'crashing-relay.ts');
    await expect(
      exec(
        process.execPath,
        ['--import', 'tsx', script, database.url, redis.url, redis.prefix, moment],
        {
          cwd: path.join(import.meta.dirname, '..'),
        },
      ),
    ).rejects.toMatchObject({ signal: 'SIGKILL' });
  }

  it.each(['before-publish', 'after-publish'] as const)(
    'killed %s, a fresh relay still produces exactly one effect',
    async (moment) => {
      const event = await signUp('crash@example.com');
      await crashRelay(moment);
      const { rows } = await pool.query(
        'SELECT 1 FROM "outbox_events" WHERE "publishedAt" IS NULL',
      );
      expect(rows).toHaveLength(1); // the kill left it unmarked
      const queues = createQueueSet(redis.url, redis.prefix);
      cleanups.push(() => queues.close());
      // The kill happened at the intended moment: nothing on the queue yet, or the job already there.
      const published = await queues.queueFor('identity').getJob(event.id);
      expect(published?.id).toBe(moment === 'after-publish' ? event.id : undefined);
      const relay = startOutboxRelay({
        databaseUrl: database.url,
        redisUrl: redis.url,
        queuePrefix: redis.prefix,
      });
      cleanups.push(() => relay.stop());
      startWelcomeConsumer();
      await eventually(async () => (await count('ledger')) === 1);
      await eventually(
        async () =>
          (await pool.query('SELECT 1 FROM "outbox_events" WHERE "publishedAt" IS NULL'))
            .rowCount === 0,
      );
      await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate to show up
      expect(await count('ledger')).toBe(1);
    },
    30_000,
  );

  it('killed after publishing, with the job already consumed and gone, the consumer still skips the replay', async () => {
    const event = await signUp('consumed@example.com');
    await crashRelay('after-publish');
    const queues = createQueueSet(redis.url, redis.prefix);
    cleanups.push(() => queues.close());
    const queue = queues.queueFor('identity');
    const consumer = startWelcomeConsumer();
    await eventually(async () => (await queue.getJobState(event.id)) === 'completed');
    await consumer.stop();
    // Once the completed job is cleaned away, BullMQ no longer drops the re-added id.
    await queue.remove(event.id);

    startWelcomeConsumer();
    expect(await relayOnce(pool, queues)).toBe(1);
    await eventually(async () => (await queue.getJobState(event.id)) === 'completed');
    expect(await count('ledger')).toBe(1);
    expect(await count('processed_events')).toBe(1);
  }, 30_000);
});
