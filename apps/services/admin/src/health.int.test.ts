import { randomUUID } from 'node:crypto';
import { deadLetterQueueName, redisConnection } from '@gametriggers/events';
import type { RunningService } from '@gametriggers/trpc';
import { router, startService } from '@gametriggers/trpc';
import { failure, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminHarness } from './testing/admin-harness';
import { startAdminHarness } from './testing/admin-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: AdminHarness;
let notReady: RunningService;

/** A kit service whose database check fails: it answers, but is not ready. */
function startServiceWithDatabaseDown() {
  return startService({
    name: 'brand',
    port: 0,
    router: router({}),
    auth: {
      accessTokens: { verify: () => Promise.reject(new Error('no tokens here')) },
      serviceSecret: 'x'.repeat(32),
    },
    readiness: { database: () => Promise.reject(new Error('connection refused')) },
  });
}

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  notReady = await startServiceWithDatabaseDown();
  const stopped = await startServiceWithDatabaseDown();
  await stopped.close(0);
  harness = await startAdminHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    serviceUrls: { brand: notReady.url, campaign: stopped.url },
  });
});
afterAll(async () => {
  await harness.close();
  await notReady.close(0);
  await issuer.close();
});

const overview = async () =>
  harness.client(await issuer.tokenFor(cast.powerlessAdmin)).admin.health.overview.query();

describe('admin.health.overview', () => {
  it('reports a stopped service as down and one whose database fails as degraded, with the others up', async () => {
    const { services, checkedAt } = await overview();
    expect(checkedAt).toEqual(clock.now());
    const byName = Object.fromEntries(services.map((service) => [service.name, service]));
    expect(byName.campaign).toMatchObject({
      status: 'down',
      latencyMs: null,
      error: 'not reachable',
    });
    expect(byName.brand).toMatchObject({
      status: 'degraded',
      error: 'not_ready',
      checks: { database: 'connection refused' },
      outbox: null,
    });
    expect(byName.admin).toMatchObject({
      status: 'up',
      error: null,
      checks: { database: 'ok', redis: 'ok' },
    });
    expect(byName.admin?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('shows the outbox lag: events the relay has not published and the age of the oldest', async () => {
    // The relay leaves a type its catalogue does not know in the outbox: a backlog that stays.
    await harness.db.$executeRawUnsafe(
      `INSERT INTO "outbox_events" ("id", "type", "payload", "occurredAt") VALUES ($1::uuid, 'test.unknown', '{}', $2::timestamptz)`,
      randomUUID(),
      new Date(clock.now().getTime() - 90_000).toISOString(),
    );
    const admin = (await overview()).services.find((service) => service.name === 'admin');
    expect(admin?.outbox).toEqual({
      pending: 1,
      oldestPendingAt: new Date(clock.now().getTime() - 90_000),
      lagSeconds: 90,
    });
  });

  it('lists queue depths and counts dead letters per service', async () => {
    const dead = new Queue(deadLetterQueueName('admin'), {
      connection: redisConnection(harness.config.REDIS_URL),
      prefix: harness.config.queuePrefix,
    });
    await dead.add('admin.action_recorded', {
      envelope: {},
      error: 'boom',
      attemptsMade: 5,
      failedAt: '',
    });
    await dead.close();

    const { queues, deadLetters, queuesError } = await overview();
    expect(queuesError).toBeNull();
    expect(deadLetters).toEqual([{ service: 'admin', count: 1 }]);
    expect(queues?.map((queue) => queue.queue)).toContain('admin-audit-checkpoint');
    expect(queues?.map((queue) => queue.queue)).not.toContain(deadLetterQueueName('admin'));
  });

  it('is for admins only', async () => {
    const asBrand = harness.client(await issuer.tokenFor(cast.brandA));
    expect((await failure(asBrand.admin.health.overview.query())).code).toBe('FORBIDDEN');
  });
});
