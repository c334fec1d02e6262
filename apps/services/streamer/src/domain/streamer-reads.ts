import type {
  ContentCategory,
  Country,
  Language,
  StreamerMatchingProfile,
  StreamerTargetingProfile,
  StreamingPlatform,
} from '@gametriggers/contracts';
import type { StreamerPlatform } from '../generated/prisma/client';
import type { StreamerDeps } from './deps';
import { publicDisplayName } from './profile-moderation';
import { platformsByStreamer, streamerCardView } from './profile-view';
import { streamerNotFound } from './streamer-errors';

/**
 * What targeting reads: categories primary first, best metrics across platforms, live if any; the
 * name others may see.
 */
export async function matchingProfile(
  deps: StreamerDeps,
  streamerId: string,
): Promise<StreamerMatchingProfile | null> {
  const streamer = await deps.db.streamer.findUnique({ where: { id: streamerId } });
  if (!streamer) return null;
  return {
    streamerId: streamer.id,
    displayName: publicDisplayName(streamer),
    categories: streamer.categories as ContentCategory[],
    language: streamer.language as Language,
    country: streamer.country as Country,
    timezone: streamer.timezone,
    followers: streamer.followers,
    averageViewers: streamer.averageViewers,
    live: streamer.live,
  };
}

/** The targeting part of the matching profile, with the version its last change was announced at. */
export async function targetingProfile(
  deps: StreamerDeps,
  streamerId: string,
): Promise<StreamerTargetingProfile | null> {
  const streamer = await deps.db.streamer.findUnique({ where: { id: streamerId } });
  if (!streamer) return null;
  return {
    streamerId: streamer.id,
    categories: streamer.categories as ContentCategory[],
    language: streamer.language as Language,
    country: streamer.country as Country,
    followers: streamer.followers,
    averageViewers: streamer.averageViewers,
    version: streamer.targetingVersion,
  };
}

const mostFollowed = (platforms: StreamerPlatform[]) =>
  platforms.reduce<StreamerPlatform | undefined>(
    (best, platform) => (!best || platform.followers > best.followers ? platform : best),
    undefined,
  );

/** Cards for other services' lists (names others may see); unknown ids are left out. */
export async function listProfiles(deps: StreamerDeps, streamerIds: string[]) {
  const ids = [...new Set(streamerIds)];
  const [streamers, platforms] = await Promise.all([
    deps.db.streamer.findMany({ where: { id: { in: ids } } }),
    deps.db.streamerPlatform.findMany({ where: { streamerId: { in: ids } } }),
  ]);
  const grouped = platformsByStreamer(platforms);
  return streamers.map((streamer) => ({
    streamerId: streamer.id,
    displayName: publicDisplayName(streamer),
    followers: streamer.followers,
    averageViewers: streamer.averageViewers,
    live: streamer.live,
    channelUrl: mostFollowed(grouped.get(streamer.id) ?? [])?.channelUrl ?? null,
  }));
}

export async function streamerCard(deps: StreamerDeps, streamerId: string) {
  const streamer = await deps.db.streamer.findUnique({ where: { id: streamerId } });
  if (!streamer) throw streamerNotFound();
  const platforms = await deps.db.streamerPlatform.findMany({
    where: { streamerId },
    orderBy: { connectedAt: 'asc' },
  });
  return streamerCardView(streamer, platforms);
}

export async function streamerMetrics(deps: StreamerDeps, streamerId: string) {
  const streamer = await deps.db.streamer.findUnique({ where: { id: streamerId } });
  if (!streamer) throw streamerNotFound();
  const platforms = await deps.db.streamerPlatform.findMany({
    where: { streamerId },
    orderBy: { connectedAt: 'asc' },
  });
  return {
    streamerId,
    followers: streamer.followers,
    averageViewers: streamer.averageViewers,
    live: streamer.live,
    platforms: platforms.map((platform) => ({
      platform: platform.platform as StreamingPlatform,
      followers: platform.followers,
      averageViewers: platform.averageViewers,
      totalViews: Number(platform.totalViews),
      monthlyHours: platform.monthlyHours,
      live: platform.live,
      lastSyncedAt: platform.lastSyncedAt,
    })),
  };
}
