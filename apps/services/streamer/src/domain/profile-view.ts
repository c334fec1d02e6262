import type {
  ContentCategory,
  ContentRating,
  Country,
  Language,
  PayoutMethod,
  StreamingPlatform,
  Weekday,
} from '@gametriggers/contracts';
import { profileModerationView } from '@gametriggers/contracts';
import type { Streamer, StreamerPlatform } from '../generated/prisma/client';
import { publicDisplayName } from './profile-moderation';
import type {
  ConnectedPlatformOutput,
  StreamerCardOutput,
  StreamerProfileOutput,
} from '../schemas';

// The database keeps vocabulary as text (checked on the way in); these casts restore the types.

export function connectedPlatformView(row: StreamerPlatform): ConnectedPlatformOutput {
  return {
    platform: row.platform as StreamingPlatform,
    username: row.username,
    channelId: row.channelId,
    channelUrl: row.channelUrl,
    verified: row.verified,
    live: row.live,
    metrics: {
      followers: row.followers,
      averageViewers: row.averageViewers,
      totalViews: Number(row.totalViews),
      monthlyHours: row.monthlyHours,
    },
    lastSyncedAt: row.lastSyncedAt,
    connectedAt: row.connectedAt,
  };
}

export function scheduleView(streamer: Streamer) {
  return streamer.scheduleStartTime && streamer.scheduleEndTime
    ? {
        days: streamer.scheduleDays as Weekday[],
        startTime: streamer.scheduleStartTime,
        endTime: streamer.scheduleEndTime,
      }
    : null;
}

export function streamerProfileView(
  streamer: Streamer,
  platforms: StreamerPlatform[],
): StreamerProfileOutput {
  return {
    streamerId: streamer.id,
    displayName: streamer.displayName,
    content: {
      primaryCategory: streamer.primaryCategory as ContentCategory,
      secondaryCategories: streamer.secondaryCategories as ContentCategory[],
      language: streamer.language as Language,
      rating: streamer.rating as ContentRating,
    },
    demographics: {
      country: streamer.country as Country,
      timezone: streamer.timezone,
      streamingSchedule: scheduleView(streamer),
    },
    payout:
      streamer.payoutMethod && streamer.payoutHint
        ? { method: streamer.payoutMethod as PayoutMethod, hint: streamer.payoutHint }
        : null,
    metrics: {
      followers: streamer.followers,
      averageViewers: streamer.averageViewers,
      live: streamer.live,
    },
    platforms: platforms.map(connectedPlatformView),
    profileModeration: profileModerationView(streamer),
    createdAt: streamer.createdAt,
    updatedAt: streamer.updatedAt,
  };
}

export function streamerCardView(
  streamer: Streamer,
  platforms: StreamerPlatform[],
): StreamerCardOutput {
  return {
    streamerId: streamer.id,
    displayName: publicDisplayName(streamer),
    primaryCategory: streamer.primaryCategory as ContentCategory,
    categories: streamer.categories as ContentCategory[],
    language: streamer.language as Language,
    country: streamer.country as Country,
    rating: streamer.rating as ContentRating,
    followers: streamer.followers,
    averageViewers: streamer.averageViewers,
    live: streamer.live,
    reputation: streamer.reputation,
    platforms: platforms.map((platform) => ({
      platform: platform.platform as StreamingPlatform,
      username: platform.username,
      channelUrl: platform.channelUrl,
      verified: platform.verified,
      live: platform.live,
      followers: platform.followers,
      averageViewers: platform.averageViewers,
    })),
    createdAt: streamer.createdAt,
  };
}

/** Platforms grouped by streamer id, each list in the order the channels were connected. */
export function platformsByStreamer(platforms: StreamerPlatform[]) {
  const grouped = new Map<string, StreamerPlatform[]>();
  for (const platform of [...platforms].sort(
    (a, b) => a.connectedAt.getTime() - b.connectedAt.getTime(),
  )) {
    grouped.set(platform.streamerId, [...(grouped.get(platform.streamerId) ?? []), platform]);
  }
  return grouped;
}
