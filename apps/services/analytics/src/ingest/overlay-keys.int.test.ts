import { randomUUID } from 'node:crypto';
import { startOverlayHarness } from '@gametriggers/overlay-service/testing';
import type { OverlayHarness } from '@gametriggers/overlay-service/testing';
import { fixedClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsHarness } from '../testing/analytics-harness';
import { startAnalyticsHarness } from '../testing/analytics-harness';

let issuer: TestTokenIssuer;
let overlay: OverlayHarness;
let harness: AnalyticsHarness;
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  overlay = await startOverlayHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: overlay.url,
    overlayKeyCacheMs: 200,
    now: clock.now,
  });
});
afterAll(async () => {
  await harness.close();
  await overlay.close();
  await issuer.close();
});

const report = () => ({
  id: randomUUID(),
  type: 'heartbeat',
  at: clock.now().toISOString(),
  viewers: 12,
});

async function stored(id: string) {
  return harness.db.$queryRawUnsafe<Array<{ streamerId: string; invalidReason: string | null }>>(
    'SELECT "streamerId"::text, "invalidReason" FROM overlay_events WHERE id = $1::uuid',
    id,
  );
}

describe('overlay keys resolved by the real overlay service', () => {
  it('stores a streamer’s reports under their id, countable only while they are live', async () => {
    const { streamerA } = testCast();
    const { key } = await overlay.createOverlayFor(await issuer.tokenFor(streamerA));

    const offline = report();
    expect((await harness.ingest(key, { events: [offline] })).status).toBe(200);
    expect(await stored(offline.id)).toEqual([
      { streamerId: streamerA.userId, invalidReason: 'not_live' },
    ]);

    await overlay.sendEvent(
      'streamer.live_status_changed',
      { streamerId: streamerA.userId, live: true, viewers: 12 },
      { occurredAt: clock.now() },
    );
    // Known keys are remembered briefly (200 ms here), so the new live status shows up after that.
    clock.advance(300);
    const live = report();
    expect((await harness.ingest(key, { events: [live] })).status).toBe(200);
    expect(await stored(live.id)).toEqual([{ streamerId: streamerA.userId, invalidReason: null }]);
  });

  it('refuses a key the overlay service does not know, storing nothing', async () => {
    const event = report();
    expect((await harness.ingest('not-a-real-overlay-key', { events: [event] })).status).toBe(401);
    expect(await stored(event.id)).toEqual([]);
  });
});
