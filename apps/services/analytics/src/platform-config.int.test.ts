import { randomUUID } from 'node:crypto';
import type { PlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import { startPlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import { createTestRedisNamespace, eventually, fixedClock, startTestTokenIssuer } from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AnalyticsHarness } from './testing/analytics-harness';
import { analyticsTestServiceSecret, startAnalyticsHarness } from './testing/analytics-harness';
import type { OverlayKeysStandIn } from './testing/overlay-keys-stand-in';
import { startOverlayKeysStandIn } from './testing/overlay-keys-stand-in';

/** Standing still: a key's budget refills only when the test moves the clock (it does not). */
const clock = fixedClock('2026-03-10T18:00:00Z');
let issuer: TestTokenIssuer;
let redis: TestRedisNamespace;
let overlays: OverlayKeysStandIn;
let config: PlatformConfigAdmin;
let analytics: AnalyticsHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('analytics-config');
  overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
  for (const key of ['before', 'after']) {
    overlays.setOverlay(key, { overlayId: randomUUID(), streamerId: randomUUID(), live: true, viewers: 100 });
  }
  const events = { redisUrl: redis.url, queuePrefix: redis.prefix };
  config = await startPlatformConfigAdmin({ issuer, now: clock.now, serviceSecret: analyticsTestServiceSecret, events });
  analytics = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: overlays.url,
    now: clock.now,
    queuePrefix: redis.prefix,
    platformConfig: config.clientFor('analytics'),
  });
});
afterAll(async () => {
  await analytics.close();
  await config.close();
  await overlays.close();
  await redis.clear();
  await issuer.close();
});

const batch = (size: number) => ({
  events: Array.from({ length: size }, () => ({ id: randomUUID(), type: 'heartbeat', at: clock.now().toISOString(), viewers: 3 })),
});

it('an ingest burst changed in the admin service limits the next batches', async () => {
  // The default burst is 1,000 reports.
  expect((await analytics.ingest('before', batch(500))).status).toBe(200);

  await config.change({ ingestBurstPerKey: 100 });
  await eventually(async () => (await analytics.db.processedEvent.count()) === 1, 'the analytics service to apply config.changed');

  expect((await analytics.ingest('after', batch(100))).status).toBe(200);
  expect((await analytics.ingest('after', batch(1))).status).toBe(429);
});
