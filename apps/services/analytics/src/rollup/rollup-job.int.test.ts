import { randomUUID } from 'node:crypto';
import { fixedClock, startTestTokenIssuer, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsHarness } from '../testing/analytics-harness';
import { analyticsTestServiceSecret, startAnalyticsHarness } from '../testing/analytics-harness';
import type { OverlayKeysStandIn } from '../testing/overlay-keys-stand-in';
import { startOverlayKeysStandIn } from '../testing/overlay-keys-stand-in';

let issuer: TestTokenIssuer;
let overlays: OverlayKeysStandIn;
let harness: AnalyticsHarness;
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
  overlays.setOverlay('job-key', { overlayId: randomUUID(), streamerId: randomUUID(), live: true, viewers: 1_000 });
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: overlays.url,
    rollupEveryMs: 1_000,
    now: clock.now,
  });
});
afterAll(async () => {
  await harness.close();
  await overlays.close();
  await issuer.close();
});

describe('the repeatable rollup job', () => {
  it('counts new reports on its own and keeps partitions ahead', async () => {
    const ids = { participationId: randomUUID(), campaignId: randomUUID(), adId: 'ad-job' };
    const at = new Date(clock.now().getTime() - 60_000).toISOString();
    const answer = await harness.ingest('job-key', {
      events: [
        { id: randomUUID(), type: 'display_start', at, ...ids },
        { id: randomUUID(), type: 'heartbeat', at, viewers: 33, ...ids },
      ],
    });
    expect(answer.status).toBe(200);
    const deadline = Date.now() + 15_000;
    let count = null;
    while (!count && Date.now() < deadline) {
      count = await harness.db.hourlyCount.findFirst({ where: { participationId: ids.participationId } });
      if (!count) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(count).toMatchObject({ impressions: 33n, revision: 1 });
    const inThreeDays = new Date(clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const [partition] = await harness.db.$queryRawUnsafe<Array<{ name: string | null }>>(
      `SELECT to_regclass('overlay_events_${inThreeDays}')::text AS name`,
    );
    expect(partition?.name).toBe(`overlay_events_${inThreeDays}`);
  });
});
