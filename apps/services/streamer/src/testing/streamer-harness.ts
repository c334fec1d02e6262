import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentCategory, Country, Language } from '@gametriggers/contracts';
import type { TwitchApiStandIn, YoutubeApiStandIn } from '@gametriggers/testing';
import { createEventSender } from '@gametriggers/events/testing';
import { createPersonClient } from '@gametriggers/trpc';
import {
  createTestDatabase,
  createTestRedisNamespace,
  startTwitchApiStandIn,
  startYoutubeApiStandIn,
} from '@gametriggers/testing';
import type { StreamerServiceOptions } from '../app';
import { startStreamerService } from '../app';
import type { KycDocumentAssets } from '../clients/kyc-document-assets';
import { syncPlatformMetrics } from '../domain/metrics-sync';
import { METRICS_QUEUE } from '../jobs/metrics-sync-jobs';
import type { StreamerRouter } from '../router';
import { kycDocumentAssetsStandIn } from './kyc-document-assets-stand-in';

export { kycDocumentAssetsStandIn, sampleKycFiles } from './kyc-document-assets-stand-in';

export const streamerMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const streamerTestServiceSecret = 'test-service-secret-of-at-least-32-chars';
export const streamerTestPortalUrl = 'http://localhost:3002';
const TEST_YOUTUBE_CLIENT = {
  clientId: 'streamer-test-youtube-client',
  clientSecret: 'streamer-test-youtube-secret',
};
const TEST_TWITCH_CLIENT = {
  clientId: 'streamer-test-client',
  clientSecret: 'streamer-test-client-secret',
};

export interface StreamerHarnessOptions {
  /** The JWKS of the token issuer the tests sign people in with (`startTestTokenIssuer().jwksUrl`). */
  jwksUrl: string;
  /**
   * A running Twitch stand-in to connect channels through. Without one the harness starts its own
   * (`harness.twitch`). Its client id and secret must be `streamerHarnessTwitchClient`'s.
   */
  twitch?: TwitchApiStandIn;
  /** Likewise for YouTube (`streamerHarnessYoutubeClient`'s credentials). */
  youtube?: YoutubeApiStandIn;
  /** The service's shared secret for service tokens; default `streamerTestServiceSecret`. */
  serviceSecret?: string;
  now?: () => Date;
  /** Anything else of the service's environment. */
  env?: Partial<StreamerServiceOptions>;
  /**
   * A running asset service (`startAssetHarness(...).url`, sharing `serviceSecret`) that checks the
   * KYC documents of verification requests. Without one, `documents` stands in (default:
   * `kycDocumentAssetsStandIn()`, which knows `sampleKycFiles`).
   */
  assetServiceUrl?: string;
  documents?: KycDocumentAssets;
}

export interface OnboardedStreamerOptions {
  displayName?: string;
  /** Primary first. */
  categories: [ContentCategory, ...ContentCategory[]];
  language: Language;
  country: Country;
  timezone?: string;
  followers?: number;
  /** Recorded as a live sample while connecting, so the average is exactly this. 0: never seen live. */
  averageViewers?: number;
  /** Whether the channel stays live afterwards; default false. */
  live?: boolean;
}

/** A profile `seedProfiles` writes directly (the streamer id is its account's user id). */
export interface SeededStreamerProfile {
  streamerId: string;
  displayName?: string;
  /** Primary first. */
  categories: readonly [ContentCategory, ...ContentCategory[]];
  language: Language;
  country: Country;
  followers?: number;
  averageViewers?: number;
}

/** The client ids and secrets the harness's own stand-ins (and the service) use. */
export const streamerHarnessTwitchClient = TEST_TWITCH_CLIENT;
export const streamerHarnessYoutubeClient = TEST_YOUTUBE_CLIENT;

/**
 * A real streamer service for tests: its own fresh database and Redis namespace, a Twitch stand-in,
 * listening on a free port. `close()` stops everything and drops the database.
 */
export async function startStreamerHarness(options: StreamerHarnessOptions) {
  const database = await createTestDatabase(streamerMigrationsDir, 'streamer');
  const redis = createTestRedisNamespace('streamer');
  const ownTwitch = options.twitch
    ? undefined
    : await startTwitchApiStandIn({ ...TEST_TWITCH_CLIENT });
  const twitch: TwitchApiStandIn = options.twitch ?? (ownTwitch as TwitchApiStandIn);
  const ownYoutube = options.youtube
    ? undefined
    : await startYoutubeApiStandIn({ ...TEST_YOUTUBE_CLIENT });
  const youtube: YoutubeApiStandIn = options.youtube ?? (ownYoutube as YoutubeApiStandIn);
  const config: StreamerServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: options.serviceSecret ?? streamerTestServiceSecret,
    STREAMER_ENCRYPTION_KEYS: `test1:${randomBytes(32).toString('base64')}`,
    STREAMER_ENCRYPTION_ACTIVE_KEY_ID: 'test1',
    STREAMER_PORTAL_URL: streamerTestPortalUrl,
    TWITCH_API_URL: twitch.apiUrl,
    TWITCH_AUTH_URL: twitch.authUrl,
    TWITCH_CLIENT_ID: TEST_TWITCH_CLIENT.clientId,
    TWITCH_CLIENT_SECRET: TEST_TWITCH_CLIENT.clientSecret,
    YOUTUBE_API_URL: youtube.apiUrl,
    GOOGLE_OAUTH_URL: youtube.oauthUrl,
    GOOGLE_AUTHORIZE_URL: youtube.authorizeUrl,
    YOUTUBE_CLIENT_ID: TEST_YOUTUBE_CLIENT.clientId,
    YOUTUBE_CLIENT_SECRET: TEST_YOUTUBE_CLIENT.clientSecret,
    METRICS_SYNC_INTERVAL_MINUTES: 15,
    ASSET_SERVICE_URL: options.assetServiceUrl ?? 'http://127.0.0.1:9',
    documents: options.assetServiceUrl ? undefined : (options.documents ?? kycDocumentAssetsStandIn()),
    queuePrefix: redis.prefix,
    ...(options.now ? { now: options.now } : {}),
    ...options.env,
  };
  const service = await startStreamerService(config);
  const sender = createEventSender({
    consumer: 'streamer',
    redisUrl: config.REDIS_URL,
    queuePrefix: config.queuePrefix ?? redis.prefix,
    now: service.deps.now,
    isApplied: async (eventId) =>
      (await service.deps.db.processedEvent.count({ where: { consumer: 'streamer', eventId } })) > 0,
  });

  /** A typed client; pass a person's access token to call as them. */
  function client(token?: string) {
    return createPersonClient<StreamerRouter>({ url: service.url, accessToken: token });
  }

  /** Runs an OAuth round trip through a stand-in, choosing the account with `chooser`. */
  async function connectThroughStandIn(
    token: string,
    platform: 'twitch' | 'youtube',
    chooser: Record<string, string>,
  ) {
    const redirectUri = `${streamerTestPortalUrl}/connect/${platform}`;
    const api = client(token);
    const { url } = await api.streamer.platforms.authorizationUrl.mutate({ platform, redirectUri });
    const authorize = new URL(url);
    for (const [name, value] of Object.entries(chooser)) authorize.searchParams.set(name, value);
    const response = await fetch(authorize, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status !== 302 || !location) {
      throw new Error(`The ${platform} stand-in did not redirect back (HTTP ${response.status})`);
    }
    const back = new URL(location);
    return api.streamer.platforms.connect.mutate({
      platform,
      code: back.searchParams.get('code') ?? '',
      state: back.searchParams.get('state') ?? '',
      redirectUri,
    });
  }

  /** Connects the Twitch channel `login` (known to the stand-in) for the token's streamer. */
  const connectTwitch = (token: string, login: string) =>
    connectThroughStandIn(token, 'twitch', { login });

  /** Connects the YouTube channel `handle` (known to the stand-in) for the token's streamer. */
  const connectYoutube = (token: string, handle: string) =>
    connectThroughStandIn(token, 'youtube', { login_hint: handle });

  /** Waits until no metrics sync job is waiting or running (the periodic schedule aside). */
  async function metricsSyncIdle(timeoutMs = 10_000) {
    const { Queue } = await import('bullmq');
    const queue = new Queue(METRICS_QUEUE, {
      connection: { url: redis.url },
      prefix: redis.prefix,
    });
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const pending = await queue.getJobs([
          'waiting',
          'active',
          'prioritized',
          'waiting-children',
        ]);
        if (!pending.some((job) => job.name === 'sync-platform')) return;
        if (Date.now() > deadline) throw new Error('Metrics sync jobs did not finish in time');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await queue.close();
    }
  }

  /** Syncs every connected channel of a streamer now, as the periodic job would. */
  async function syncMetrics(streamerId: string) {
    const platforms = await service.deps.db.streamerPlatform.findMany({ where: { streamerId } });
    return Promise.all(platforms.map((platform) => syncPlatformMetrics(service.deps, platform.id)));
  }

  /**
   * Onboards the token's streamer through the real procedure and connects a fresh Twitch channel
   * through the stand-in, so followers and average viewers are what the platform reported.
   */
  async function onboardedStreamer(token: string, profile: OnboardedStreamerOptions) {
    const api = client(token);
    const [primaryCategory, ...secondaryCategories] = profile.categories;
    const onboarded = await api.streamer.onboard.mutate({
      displayName: profile.displayName ?? `Streamer ${randomBytes(3).toString('hex')}`,
      content: {
        primaryCategory,
        secondaryCategories,
        language: profile.language,
        rating: 'everyone',
      },
      demographics: { country: profile.country, timezone: profile.timezone ?? 'Europe/Berlin' },
    });
    const login = `tw_${randomBytes(5).toString('hex')}`;
    const averageViewers = profile.averageViewers ?? 0;
    twitch.addChannel({
      login,
      displayName: onboarded.displayName,
      followers: profile.followers ?? 0,
      liveViewers: averageViewers > 0 || profile.live ? averageViewers : null,
    });
    await connectTwitch(token, login);
    await metricsSyncIdle();
    if (!profile.live && averageViewers > 0) {
      twitch.setOffline(login);
      await syncMetrics(onboarded.streamerId);
    }
    const me = await api.streamer.me.query();
    if (!me) throw new Error('The streamer is not onboarded after onboarding');
    return { streamerId: me.streamerId, twitchLogin: login, profile: me };
  }

  /**
   * Writes onboarded profiles straight into the database (no channels, no events), a thousand rows
   * per statement: audiences of thousands for other services' tests and benchmarks.
   */
  async function seedProfiles(profiles: readonly SeededStreamerProfile[]) {
    const now = service.deps.now();
    for (let start = 0; start < profiles.length; start += 1_000) {
      await service.deps.db.streamer.createMany({
        data: profiles.slice(start, start + 1_000).map((profile) => ({
          id: profile.streamerId,
          displayName: profile.displayName ?? `Streamer ${profile.streamerId.slice(0, 8)}`,
          primaryCategory: profile.categories[0],
          secondaryCategories: profile.categories.slice(1),
          categories: [...profile.categories],
          language: profile.language,
          rating: 'everyone',
          country: profile.country,
          timezone: 'Europe/Berlin',
          scheduleDays: [],
          followers: profile.followers ?? 0,
          averageViewers: profile.averageViewers ?? 0,
          createdAt: now,
          updatedAt: now,
        })),
      });
    }
  }

  return {
    url: service.url,
    service,
    config,
    seedProfiles,
    twitch,
    youtube,
    client,
    connectTwitch,
    connectYoutube,
    onboardedStreamer,
    syncMetrics,
    metricsSyncIdle,
    /** Sends an event to the streamer service's queue as a relay would, and waits until it is applied. */
    events: sender,
    async close() {
      await sender.close();
      await service.close(1_000);
      await ownTwitch?.close();
      await ownYoutube?.close();
      await redis.clear();
      await database.drop();
    },
  };
}
export type StreamerHarness = Awaited<ReturnType<typeof startStreamerHarness>>;
