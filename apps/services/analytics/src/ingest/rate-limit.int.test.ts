import { randomUUID } from 'node:crypto';
import { fixedClock, startTestTokenIssuer, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsHarness } from '../testing/analytics-harness';
import { analyticsTestServiceSecret, startAnalyticsHarness } from '../testing/analytics-harness';
import type { OverlayKeysStandIn } from '../testing/overlay-keys-stand-in';
import { startOverlayKeysStandIn } from '../testing/overlay-keys-stand-in';

let issuer: TestTokenIssuer;
let overlays: OverlayKeysStandIn;
let harness: AnalyticsHarness;
/** Standing still, so the budget refills only when a test moves the clock. */
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
  for (const key of ['busy', 'quiet']) {
    overlays.setOverlay(key, {
      overlayId: randomUUID(),
      streamerId: randomUUID(),
      live: true,
      viewers: 100_000,
    });
  }
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: overlays.url,
    platformConfig: fixedPlatformConfig({ ingestRatePerKey: 1, ingestBurstPerKey: 150 }),
    now: clock.now,
  });
});
afterAll(async () => {
  await harness.close();
  await overlays.close();
  await issuer.close();
});

const batch = (size: number) => ({
  events: Array.from({ length: size }, () => ({
    id: randomUUID(),
    type: 'heartbeat',
    at: clock.now().toISOString(),
    viewers: 3,
  })),
});

describe('the rate limit per overlay key', () => {
  it('refuses a batch beyond the key’s budget with 429, storing none of it, other keys unaffected', async () => {
    expect((await harness.ingest('busy', batch(100))).status).toBe(200);
    const refused = batch(100);
    const answer = await fetch(`${harness.url}/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-overlay-key': 'busy' },
      body: JSON.stringify(refused),
    });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const [stored] = await harness.db.$queryRawUnsafe<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM overlay_events WHERE id = ANY($1::uuid[])',
      refused.events.map((e) => e.id),
    );
    expect(stored?.n).toBe(0);
    expect((await harness.ingest('quiet', batch(100))).status).toBe(200);
  });
});
