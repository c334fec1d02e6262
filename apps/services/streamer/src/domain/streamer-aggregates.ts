import { recordEvent } from '@gametriggers/events';
import type { StreamerTx } from '../database';

interface PlatformMetrics {
  followers: number;
  averageViewers: number;
  live: boolean;
  username: string;
}

/** A streamer's headline metrics: the best of each across platforms; live when any is. */
export function bestAcrossPlatforms(platforms: PlatformMetrics[]) {
  return {
    followers: Math.max(0, ...platforms.map((platform) => platform.followers)),
    averageViewers: Math.max(0, ...platforms.map((platform) => platform.averageViewers)),
    live: platforms.some((platform) => platform.live),
  };
}

/** What the text search matches: display name and channel names, lower-cased. */
export function searchTextOf(displayName: string, platforms: Pick<PlatformMetrics, 'username'>[]) {
  return [displayName, ...platforms.map((platform) => platform.username)].join(' ').toLowerCase();
}

/**
 * Brings the streamer row's copies of platform data (metrics, live, search text) in step with the
 * platform rows, and announces a change of live status. Locks the streamer row so concurrent
 * syncs of two platforms see each other's result. No-op before onboarding.
 */
export async function refreshStreamerAggregates(tx: StreamerTx, streamerId: string) {
  const locked = await tx.$queryRaw<Array<{ live: boolean; displayName: string }>>`
    SELECT "live", "displayName" FROM "streamers" WHERE "id" = ${streamerId}::uuid FOR UPDATE`;
  const current = locked[0];
  if (!current) return;
  const platforms = await tx.streamerPlatform.findMany({ where: { streamerId } });
  const best = bestAcrossPlatforms(platforms);
  await tx.streamer.update({
    where: { id: streamerId },
    data: { ...best, searchText: searchTextOf(current.displayName, platforms) },
  });
  if (best.live !== current.live) {
    await recordEvent(tx, 'streamer.live_status_changed', { streamerId, live: best.live });
  }
}
