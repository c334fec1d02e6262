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

type Targeting = ReturnType<typeof targetingOf>;

/** What campaign targeting matches on. */
function targetingOf(
  row: { categories: string[]; language: string; country: string },
  best: { followers: number; averageViewers: number },
) {
  return {
    categories: row.categories,
    language: row.language,
    country: row.country,
    followers: best.followers,
    averageViewers: best.averageViewers,
  };
}

/** Field by field: the stored JSON comes back with its keys in PostgreSQL's order. */
function sameTargeting(targeting: Targeting, announced: unknown): boolean {
  const before = announced as Partial<Targeting> | null;
  return (
    before !== null &&
    before.language === targeting.language &&
    before.country === targeting.country &&
    before.followers === targeting.followers &&
    before.averageViewers === targeting.averageViewers &&
    JSON.stringify(before.categories) === JSON.stringify(targeting.categories)
  );
}

/**
 * Brings the streamer row's copies of platform data (metrics, live, search text) in step with the
 * platform rows, and announces a change of live status or live viewers, and of what targeting
 * matches on (every profile change ends here too). Locks the streamer row so concurrent syncs of
 * two platforms see each other's result. No-op before onboarding.
 */
export async function refreshStreamerAggregates(tx: StreamerTx, streamerId: string) {
  const locked = await tx.$queryRaw<
    Array<{
      live: boolean;
      liveViewers: number;
      displayName: string;
      profileModeration: ProfileModerationStatus | null;
      categories: string[];
      language: string;
      country: string;
      targetingVersion: number;
      announcedTargeting: unknown;
    }>
  >`
    SELECT "live", "liveViewers", "displayName", "profileModeration"::text, "categories"::text[],
           "language", "country"::text, "targetingVersion", "announcedTargeting"
    FROM "streamers" WHERE "id" = ${streamerId}::uuid FOR UPDATE`;
  const current = locked[0];
  if (!current) return;
  const platforms = await tx.streamerPlatform.findMany({ where: { streamerId } });
  const best = bestAcrossPlatforms(platforms);
  const targeting = targetingOf(current, best);
  const targetingChanged = !sameTargeting(targeting, current.announcedTargeting);
  const targetingVersion = current.targetingVersion + (targetingChanged ? 1 : 0);
  await tx.streamer.update({
    where: { id: streamerId },
    data: {
      ...best,
      searchText: searchTextOf(isProfileHidden(current) ? null : current.displayName, platforms),
      ...(targetingChanged ? { targetingVersion, announcedTargeting: targeting } : {}),
    },
  });
  if (best.live !== current.live || best.liveViewers !== current.liveViewers) {
    await recordEvent(tx, 'streamer.live_status_changed', {
      streamerId,
      live: best.live,
      viewers: best.liveViewers,
    });
  }
  if (targetingChanged) {
    await recordEvent(tx, 'streamer.targeting_changed', { streamerId, ...targeting, version: targetingVersion });
  }
}
