import { isProfileHidden } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import type { StreamerTx } from '../database';
import type { ProfileModerationStatus } from '../generated/prisma/client';

interface PlatformMetrics {
  followers: number;
  averageViewers: number;
  live: boolean;
  liveViewers: number;
  username: string;
}

/**
 * A streamer's headline metrics: the best of each across platforms; live when any is, watched by
 * the viewers of every live platform (one stream output can go to several).
 */
export function bestAcrossPlatforms(platforms: PlatformMetrics[]) {
  const live = platforms.filter((platform) => platform.live);
  return {
    followers: Math.max(0, ...platforms.map((platform) => platform.followers)),
    averageViewers: Math.max(0, ...platforms.map((platform) => platform.averageViewers)),
    live: live.length > 0,
    liveViewers: live.reduce((sum, platform) => sum + platform.liveViewers, 0),
  };
}

/**
 * What the text search matches: display name (null while moderation hides it) and channel names,
 * lower-cased.
 */
export function searchTextOf(
  displayName: string | null,
  platforms: Pick<PlatformMetrics, 'username'>[],
) {
  return [...(displayName === null ? [] : [displayName]), ...platforms.map((platform) => platform.username)]
    .join(' ')
    .toLowerCase();
}

/**
 * Brings the streamer row's copies of platform data (metrics, live, search text) in step with the
 * platform rows, and announces a change of live status or live viewers. Locks the streamer row so
 * concurrent syncs of two platforms see each other's result. No-op before onboarding.
 */
export async function refreshStreamerAggregates(tx: StreamerTx, streamerId: string) {
  const locked = await tx.$queryRaw<
    Array<{ live: boolean; liveViewers: number; displayName: string; profileModeration: ProfileModerationStatus | null }>
  >`
    SELECT "live", "liveViewers", "displayName", "profileModeration"::text
    FROM "streamers" WHERE "id" = ${streamerId}::uuid FOR UPDATE`;
  const current = locked[0];
  if (!current) return;
  const platforms = await tx.streamerPlatform.findMany({ where: { streamerId } });
  const best = bestAcrossPlatforms(platforms);
  await tx.streamer.update({
    where: { id: streamerId },
    data: {
      ...best,
      searchText: searchTextOf(isProfileHidden(current) ? null : current.displayName, platforms),
    },
  });
  if (best.live !== current.live || best.liveViewers !== current.liveViewers) {
    await recordEvent(tx, 'streamer.live_status_changed', {
      streamerId,
      live: best.live,
      viewers: best.liveViewers,
    });
  }
}
