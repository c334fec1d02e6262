import { startEventConsumer, startOutboxRelay } from '@gametriggers/events';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import type { KycDocumentAssets } from './clients/kyc-document-assets';
import { createKycDocumentAssets } from './clients/kyc-document-assets';
import { createStreamerDb } from './database';
import type { StreamerDeps } from './domain/deps';
import { applyProfileDecision } from './domain/profile-moderation';
import {
  applyCampaignCompleted,
  applyHourCounted,
  applyParticipationLeft,
  applyParticipationRemoved,
  applyParticipationStarted,
} from './domain/progression';
import { createSecretBox, parseEncryptionKeys } from './domain/secret-box';
import type { StreamerEnv } from './env';
import { createMetricsSyncQueue, startMetricsSyncWorker } from './jobs/metrics-sync-jobs';
import { createTwitchClient } from './platforms/twitch-client';
import { createYoutubeClient } from './platforms/youtube-client';
import { createStreamerRouter } from './router';

export interface StreamerServiceOptions extends StreamerEnv {
  now?: () => Date;
  /** BullMQ key prefix; tests give each file its own. */
  queuePrefix?: string;
  log?: Logger;
  /** A stand-in for the asset service (default: its real client at `ASSET_SERVICE_URL`). */
  documents?: KycDocumentAssets;
}

export interface StreamerService extends RunningService {
  deps: StreamerDeps;
}

export async function startStreamerService(
  options: StreamerServiceOptions,
): Promise<StreamerService> {
  const log = options.log ?? createLogger('streamer');
  const now = options.now ?? (() => new Date());
  const queuePrefix = options.queuePrefix ?? 'gt';
  const db = createStreamerDb(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const jobOptions = {
    redisUrl: options.REDIS_URL,
    queuePrefix,
    intervalMinutes: options.METRICS_SYNC_INTERVAL_MINUTES,
    log,
  };
  const metricsQueue = createMetricsSyncQueue(jobOptions);

  const deps: StreamerDeps = {
    db,
    secrets: createSecretBox(
      parseEncryptionKeys(options.STREAMER_ENCRYPTION_KEYS),
      options.STREAMER_ENCRYPTION_ACTIVE_KEY_ID,
    ),
    platforms: {
      twitch: createTwitchClient({
        apiUrl: options.TWITCH_API_URL,
        authUrl: options.TWITCH_AUTH_URL,
        clientId: options.TWITCH_CLIENT_ID,
        clientSecret: options.TWITCH_CLIENT_SECRET,
        now,
      }),
      youtube: createYoutubeClient({
        apiUrl: options.YOUTUBE_API_URL,
        tokenUrl: options.GOOGLE_OAUTH_URL,
        authorizeUrl: options.GOOGLE_AUTHORIZE_URL,
        clientId: options.YOUTUBE_CLIENT_ID,
        clientSecret: options.YOUTUBE_CLIENT_SECRET,
        now,
      }),
    },
    portalUrl: options.STREAMER_PORTAL_URL,
    syncIntervalMinutes: options.METRICS_SYNC_INTERVAL_MINUTES,
    now,
    queueMetricsSync: (platformId) => metricsQueue.queuePlatform(platformId),
    log,
    documents:
      options.documents ??
      createKycDocumentAssets({ url: options.ASSET_SERVICE_URL, secret: options.SERVICE_SECRET }),
  };
  const worker = await startMetricsSyncWorker(deps, metricsQueue, jobOptions);
  const relay = startOutboxRelay({
    databaseUrl: options.DATABASE_URL,
    redisUrl: options.REDIS_URL,
    queuePrefix,
    log,
  });
  // Moderation's decisions about the streamers' public profiles; delivery and campaigns for progression.
  const consumer = startEventConsumer({
    service: 'streamer',
    redisUrl: options.REDIS_URL,
    queuePrefix,
    runInTransaction: (work) => db.$transaction(work),
    handlers: {
      'moderation.content_approved': (event, tx) => applyProfileDecision(event, tx, now()),
      'moderation.content_rejected': (event, tx) => applyProfileDecision(event, tx, now()),
      'analytics.participation_hour_counted': applyHourCounted,
      'participation.joined': applyParticipationStarted,
      'participation.approved': applyParticipationStarted,
      'participation.left': applyParticipationLeft,
      'participation.removed': applyParticipationRemoved,
      'campaign.completed': (event, tx) => applyCampaignCompleted(event, tx, now()),
    },
    log,
  });

  const service = await startService({
    name: 'streamer',
    port: options.PORT,
    host: options.HOST,
    router: createStreamerRouter(deps),
    auth: {
      accessTokens: createAccessTokenVerifier({
        jwksUrl: options.IDENTITY_JWKS_URL,
        issuer: options.TOKEN_ISSUER,
        audience: options.TOKEN_AUDIENCE,
      }),
      serviceSecret: options.SERVICE_SECRET,
    },
    outbox: relay,
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      redis: () => redis.ping(),
    },
    closeables: [
      () => consumer.stop(),
      () => worker.close(),
      () => metricsQueue.close(),
      () => relay.stop(),
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps });
}
