import type { ConnectablePlatform, StreamingPlatform } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PlatformTokens } from '../platforms/platform-client';
import { PlatformAuthError, PlatformUnavailableError } from '../platforms/platform-client';
import type { StreamerDeps } from './deps';
import { consumeOAuthState, issueOAuthState } from './oauth-states';
import { applyPlatformSnapshot } from './platform-snapshot';
import { encryptTokens } from './platform-tokens';
import { connectedPlatformView } from './profile-view';
import { refreshStreamerAggregates } from './streamer-aggregates';
import { isUniqueViolation } from './unique-violation';

const platformLabel: Record<StreamingPlatform, string> = {
  twitch: 'Twitch',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  facebook: 'Facebook',
};

/** OAuth redirects may only lead back to the streamer portal. */
export function assertAllowedRedirect(portalUrl: string, redirectUri: string) {
  if (new URL(redirectUri).origin !== new URL(portalUrl).origin) {
    throw new DomainError(
      'invalid',
      'redirect_uri_not_allowed',
      'Connections can only return to the streamer portal.',
      { allowedOrigin: new URL(portalUrl).origin },
    );
  }
}

export async function platformAuthorizationUrl(
  deps: StreamerDeps,
  streamerId: string,
  input: { platform: ConnectablePlatform; redirectUri: string },
) {
  assertAllowedRedirect(deps.portalUrl, input.redirectUri);
  const state = await issueOAuthState(deps, { streamerId, ...input });
  return {
    url: deps.platforms[input.platform].authorizationUrl({ redirectUri: input.redirectUri, state }),
    state,
  };
}

function platformFailure(platform: ConnectablePlatform, error: unknown): never {
  if (error instanceof PlatformAuthError) {
    throw new DomainError(
      'invalid',
      'oauth_code_rejected',
      `${platformLabel[platform]} did not accept this sign-in. Start connecting again.`,
    );
  }
  if (error instanceof PlatformUnavailableError) {
    throw new DomainError(
      'precondition_failed',
      'platform_unavailable',
      `${platformLabel[platform]} is not answering right now. Try again in a few minutes.`,
    );
  }
  throw error;
}

const channelTaken = (platform: ConnectablePlatform) =>
  new DomainError(
    'conflict',
    'channel_already_connected',
    `This ${platformLabel[platform]} channel is already connected to another Gametriggers account.`,
  );

/**
 * Completes an OAuth round trip: uses up the state, exchanges the code, reads the channel and its
 * numbers, and stores the channel (tokens encrypted) as verified. A channel belongs to one
 * streamer; connecting another channel of the same platform replaces the old one.
 */
export async function connectPlatform(
  deps: StreamerDeps,
  streamerId: string,
  input: { platform: ConnectablePlatform; code: string; state: string; redirectUri: string },
) {
  const { platform } = input;
  await consumeOAuthState(deps, {
    streamerId,
    platform,
    state: input.state,
    redirectUri: input.redirectUri,
  });
  const client = deps.platforms[platform];
  let tokens: PlatformTokens;
  let channel;
  let snapshot;
  try {
    tokens = await client.exchangeCode({ code: input.code, redirectUri: input.redirectUri });
    channel = await client.fetchChannel(tokens.accessToken);
    snapshot = await client.fetchSnapshot(tokens.accessToken, channel.channelId);
  } catch (error) {
    platformFailure(platform, error);
  }

  const now = deps.now();
  const platformId = await deps.db
    .$transaction(async (tx) => {
      const owner = await tx.streamerPlatform.findUnique({
        where: { platform_channelId: { platform, channelId: channel.channelId } },
        select: { streamerId: true },
      });
      if (owner && owner.streamerId !== streamerId) throw channelTaken(platform);
      const previous = await tx.streamerPlatform.findUnique({
        where: { streamerId_platform: { streamerId, platform } },
        select: { id: true, channelId: true },
      });
      // Another channel on the same platform starts its averages afresh.
      if (previous && previous.channelId !== channel.channelId) {
        await tx.streamerPlatform.delete({ where: { id: previous.id } });
      }
      const stored = await tx.streamerPlatform.upsert({
        where: { streamerId_platform: { streamerId, platform } },
        create: {
          streamerId,
          platform,
          ...channel,
          verified: true,
          ...encryptTokens(deps, { streamerId, platform }, tokens),
          connectedAt: now,
        },
        update: {
          ...channel,
          verified: true,
          ...encryptTokens(deps, { streamerId, platform }, tokens),
        },
      });
      await recordEvent(tx, 'streamer.platform_connected', {
        streamerId,
        platform,
        channelId: channel.channelId,
      });
      await applyPlatformSnapshot(tx, {
        platformId: stored.id,
        streamerId,
        snapshot,
        now,
        syncIntervalMinutes: deps.syncIntervalMinutes,
      });
      return stored.id;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? channelTaken(platform) : error;
    });

  await deps.queueMetricsSync(platformId).catch((error: unknown) => {
    // The periodic sync picks the channel up anyway.
    deps.log.warn({ err: error, platformId }, 'could not queue the first metrics sync');
  });
  const row = await deps.db.streamerPlatform.findUniqueOrThrow({ where: { id: platformId } });
  return connectedPlatformView(row);
}

export async function disconnectPlatform(
  deps: StreamerDeps,
  streamerId: string,
  platform: StreamingPlatform,
) {
  await deps.db.$transaction(async (tx) => {
    const removed = await tx.streamerPlatform.deleteMany({ where: { streamerId, platform } });
    if (removed.count === 0) {
      throw new DomainError(
        'not_found',
        'platform_not_connected',
        `${platformLabel[platform]} is not connected.`,
      );
    }
    await refreshStreamerAggregates(tx, streamerId);
  });
  return { platform, disconnected: true as const };
}

export async function ownPlatforms(deps: StreamerDeps, streamerId: string) {
  const rows = await deps.db.streamerPlatform.findMany({
    where: { streamerId },
    orderBy: { connectedAt: 'asc' },
  });
  return rows.map(connectedPlatformView);
}
