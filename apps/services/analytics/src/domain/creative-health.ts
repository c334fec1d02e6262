import { CREATIVE_FAILURE_WINDOW_HOURS } from '@gametriggers/contracts';
import type { AnalyticsDb } from '../database';

const windowStart = (now: Date) => new Date(now.getTime() - CREATIVE_FAILURE_WINDOW_HOURS * 3_600_000);

/**
 * Whether the campaign's creative failed to load on any overlay in the last day: how many streams
 * showed the fallback card instead, and the latest time.
 */
export async function campaignCreativeHealth(db: AnalyticsDb, campaignId: string, now: Date) {
  const failures = await db.creativeFailure.aggregate({
    where: { campaignId, lastFailedAt: { gte: windowStart(now) } },
    _count: { _all: true },
    _max: { lastFailedAt: true },
  });
  return {
    campaignId,
    since: windowStart(now),
    failingStreams: failures._count._all,
    lastFailedAt: failures._max.lastFailedAt,
  };
}

/** The streamer's campaigns whose creative failed to load on their overlay in the last day. */
export async function streamerCreativeFailures(db: AnalyticsDb, streamerId: string, now: Date) {
  return db.creativeFailure.findMany({
    where: { streamerId, lastFailedAt: { gte: windowStart(now) } },
    select: { campaignId: true, participationId: true, lastFailedAt: true },
    orderBy: { lastFailedAt: 'desc' },
  });
}
