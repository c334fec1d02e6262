import type { AdminHarness } from '@gametriggers/admin-service/testing';
import { adminTestServiceSecret, startAdminHarness } from '@gametriggers/admin-service/testing';
import { defaultPlatformConfig } from '@gametriggers/contracts';
import type { EventEnvelope } from '@gametriggers/events';
import { fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformConfigClient } from './platform-config-client';

const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: AdminHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const clientFor = (adminServiceUrl: string) =>
  createPlatformConfigClient({
    adminServiceUrl,
    serviceSecret: adminTestServiceSecret,
    caller: 'payment',
    maxAgeMs: 60_000,
    retryAfterMs: 5_000,
    now: clock.now,
  });

async function changeConfig(changes: { platformFeeBps: number }, expectedVersion: number) {
  const admin = harness.client(await issuer.tokenFor(cast.superAdmin));
  await admin.admin.config.update.mutate({ changes, reason: 'Fee review', expectedVersion });
  const [event] = await harness.db.outboxEvent.findMany({
    where: { type: 'config.changed' },
    orderBy: { occurredAt: 'desc' },
    take: 1,
  });
  return {
    id: event!.id,
    type: 'config.changed',
    payload: event!.payload,
    occurredAt: event!.occurredAt.toISOString(),
  } as EventEnvelope<'config.changed'>;
}

describe('the platform configuration client', () => {
  it('reads the configuration from the admin service, keeps it, and refreshes on config.changed', async () => {
    const config = clientFor(harness.url);
    expect(await config.get()).toEqual(defaultPlatformConfig);
    expect(config.version()).toBe(0);

    const changed = await changeConfig({ platformFeeBps: 1_500 }, 0);
    // Still the copy in hand: no read within maxAge.
    expect((await config.get()).platformFeeBps).toBe(2_000);
    await config.onConfigChanged(changed);
    expect((await config.get()).platformFeeBps).toBe(1_500);
    expect(config.version()).toBe(1);
  });

  it('reads again once its copy is older than maxAge', async () => {
    const config = clientFor(harness.url);
    await config.get();
    await changeConfig({ platformFeeBps: 1_200 }, 1);
    expect((await config.get()).platformFeeBps).toBe(1_500);
    clock.advance(60_000);
    expect((await config.get()).platformFeeBps).toBe(1_200);
  });

  it('ignores an event older than the copy in hand', async () => {
    const config = clientFor(harness.url);
    await config.get();
    await config.onConfigChanged({
      id: '00000000-0000-4000-8000-000000000001',
      type: 'config.changed',
      payload: { version: 1, values: { ...defaultPlatformConfig, platformFeeBps: 1_500 }, changedKeys: ['platformFeeBps'] },
      occurredAt: clock.now().toISOString(),
    });
    expect((await config.get()).platformFeeBps).toBe(1_200);
  });

  it('falls back to the last copy, or to the defaults, when the admin service does not answer', async () => {
    const reachable = clientFor(harness.url);
    expect((await reachable.get()).platformFeeBps).toBe(1_200);
    // A port nothing listens on: the admin service is down.
    const down = clientFor('http://127.0.0.1:1');
    expect(await down.get()).toEqual(defaultPlatformConfig);

    const stale = createPlatformConfigClient({
      adminServiceUrl: harness.url,
      serviceSecret: 'not-the-service-secret-of-32-chars!!',
      caller: 'payment',
      now: clock.now,
    });
    expect(await stale.get()).toEqual(defaultPlatformConfig);
    expect(stale.version()).toBeUndefined();

    clock.advance(120_000);
    const lastKnown = clientFor(harness.url);
    await lastKnown.get();
    // Both changes are through the queue before the service stops, so nothing is cut off mid-flight.
    expect(await harness.waitForAuditEntries({ action: 'admin.config.update' }, 2)).toHaveLength(2);
    await harness.close();
    clock.advance(120_000);
    expect((await lastKnown.get()).platformFeeBps).toBe(1_200);
    harness = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  });
});
