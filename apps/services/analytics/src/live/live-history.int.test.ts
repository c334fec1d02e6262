import { randomUUID } from 'node:crypto';
import { fixedClock, startTestTokenIssuer, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END_OF_STREAM_GRACE_MS, MAX_LATE_MS } from '../ingest/traffic-rules';
import type { AnalyticsHarness } from '../testing/analytics-harness';
import { analyticsTestServiceSecret, startAnalyticsHarness } from '../testing/analytics-harness';
import type { OverlayKeysStandIn } from '../testing/overlay-keys-stand-in';
import { startOverlayKeysStandIn } from '../testing/overlay-keys-stand-in';
import { liveChangesBetween, pruneLiveChanges } from './live-history';

let issuer: TestTokenIssuer;
let overlays: OverlayKeysStandIn;
let harness: AnalyticsHarness;
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: overlays.url,
    now: clock.now,
  });
});
afterAll(async () => {
  await harness.close();
  await overlays.close();
  await issuer.close();
});

const hour = 3_600_000;

describe('the live history', () => {
  it('reads the changes of a span and the last one before it, oldest first', async () => {
    const streamerId = randomUUID();
    const start = clock.now().getTime() - 10 * hour;
    await harness.db.liveChange.createMany({
      data: [0, 1, 2, 5].map((hours, index) => ({
        streamerId,
        at: new Date(start + hours * hour),
        live: index % 2 === 0,
        viewers: 100 + index,
      })),
    });
    const changes = await liveChangesBetween(
      harness.db,
      streamerId,
      start + 3 * hour,
      start + 4 * hour,
    );
    expect(changes).toEqual([{ atMs: start + 2 * hour, live: true, viewers: 102 }]);
    const wider = await liveChangesBetween(
      harness.db,
      streamerId,
      start + 1.5 * hour,
      start + 6 * hour,
    );
    expect(wider.map((change) => change.viewers)).toEqual([101, 102, 103]);
  });

  it('forgets changes no report can be judged by, keeping each streamer’s last one before that', async () => {
    const streamerId = randomUUID();
    const now = clock.now();
    const horizon = now.getTime() - MAX_LATE_MS - END_OF_STREAM_GRACE_MS;
    const at = (offset: number) => new Date(horizon + offset);
    await harness.db.liveChange.createMany({
      data: [-3 * hour, -2 * hour, -hour, hour].map((offset, index) => ({
        streamerId,
        at: at(offset),
        live: index % 2 === 0,
        viewers: index,
      })),
    });
    await pruneLiveChanges(harness.db, now);
    const left = await harness.db.liveChange.findMany({
      where: { streamerId },
      orderBy: { at: 'asc' },
    });
    expect(left.map((change) => change.at.getTime())).toEqual([
      at(-hour).getTime(),
      at(hour).getTime(),
    ]);
  });
});
