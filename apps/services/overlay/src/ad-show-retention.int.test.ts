import { randomUUID } from 'node:crypto';
import { redisConnection } from '@gametriggers/events';
import { fixedClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AD_SHOW_RETENTION_MS, pruneAdShows } from './domain/ad-show-retention';
import type { OverlayHarness } from './testing/overlay-harness';
import { startOverlayHarness } from './testing/overlay-harness';

let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: OverlayHarness;
const cast = testCast();
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

describe('shown ads retention', () => {
  it('deletes shown ads older than the retention window and keeps the newer ones', async () => {
    const { overlayId } = await harness.createOverlayFor(await issuer.tokenFor(cast.streamerA));
    const now = clock.now();
    const shownAgo = (ms: number) => ({
      id: randomUUID(),
      overlayId,
      participationId: randomUUID(),
      campaignId: randomUUID(),
      shownAt: new Date(now.getTime() - ms),
      durationSeconds: 15,
      hiddenAt: new Date(now.getTime() - ms + 15_000),
    });
    const expired = [shownAgo(AD_SHOW_RETENTION_MS + 60_000), shownAgo(30 * 24 * 3_600_000)];
    const kept = [shownAgo(AD_SHOW_RETENTION_MS - 60_000), shownAgo(60_000)];
    await harness.db.adShow.createMany({ data: [...expired, ...kept] });

    expect(await pruneAdShows(harness.db, now)).toBe(2);
    const left = await harness.db.adShow.findMany({ where: { overlayId }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual(kept.map((row) => row.id).sort());
    expect(await pruneAdShows(harness.db, now)).toBe(0);
  });

  it('runs as a repeatable job of the delivery queue', async () => {
    const queue = new Queue('overlay.delivery', {
      connection: redisConnection(harness.config.REDIS_URL),
      prefix: harness.config.queuePrefix,
    });
    try {
      await expect
        .poll(async () => (await queue.getJobScheduler('prune-ad-shows'))?.every, {
          timeout: 5_000,
        })
        .toBe(6 * 3_600_000);
    } finally {
      await queue.close();
    }
  });
});
