import { DEFAULT_QUEUE_PREFIX, startEventConsumer, startOutboxRelay } from '@gametriggers/events';
import { createPlatformConfigClient } from '@gametriggers/platform-config';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { createClickRoute } from './clicks/click-route';
import type { ClickThroughs } from './clicks/click-throughs';
import { cachedClickThroughs, createClickThroughs } from './clicks/click-throughs';
import { createParticipationOwners, participationLinkHandlers } from './clicks/participation-links';
import type { ParticipationLookup } from './clicks/participation-lookup';
import { createParticipationLookup } from './clicks/participation-lookup';
import type { CampaignDirectory } from './clients/campaign-directory';
import { cachedCampaignDirectory, createCampaignDirectory } from './clients/campaign-directory';
import type { StreamerDirectory } from './clients/streamer-directory';
import { createStreamerDirectory } from './clients/streamer-directory';
import type { OverlayKeys } from './clients/overlay-keys';
import { cachedOverlayKeys, createOverlayKeysClient } from './clients/overlay-keys';
import { liveChangesBetween, liveHistoryHandlers } from './live/live-history';
import { createAnalyticsMetrics } from './analytics-metrics';
import { createAnalyticsDb, createIngestPool } from './database';
import type { AnalyticsDeps } from './domain/deps';
import type { AnalyticsEnv } from './env';
import { createGroupCommitWriter } from './ingest/group-commit-writer';
import { recordCreativeFailures } from './ingest/creative-failures';
import { createIngestRoute } from './ingest/ingest-route';
import { createTrafficGuard } from './ingest/traffic-guard';
import { runRollup } from './rollup/hourly-rollup';
import { serialized } from './rollup/serialized';
import { startRollupJobs } from './rollup/rollup-jobs';
import { createAnalyticsRouter } from './router';

export interface AnalyticsServiceOptions extends AnalyticsEnv {
  now?: () => Date;
  /** BullMQ key prefix (events and rollup jobs); tests give each file its own. */
  queuePrefix?: string;
  log?: Logger;
  /** Stand-ins for the overlay and campaign services (default: their real clients). */
  overlayKeys?: OverlayKeys;
  campaigns?: CampaignDirectory;
  /** A stand-in for the streamer service's names and channels (`streamer.internal.profiles`). */
  streamers?: StreamerDirectory;
  /** A stand-in for the campaign service's click-through URLs (default: `campaign.internal.deliveryInfo`). */
  clickThroughs?: ClickThroughs;
  /** A stand-in for `participation.internal.byClickCode` (default: the participation service). */
  participations?: ParticipationLookup;
  /** How long a resolved overlay key is remembered (default 5 s). */
  overlayKeyCacheMs?: number;
  /** Where the ingest rate limits come from (default: the admin service at ADMIN_SERVICE_URL). */
  platformConfig?: PlatformConfigSource;
}

export interface AnalyticsService extends RunningService {
  deps: AnalyticsDeps;
  /** Runs the hourly rollup now instead of waiting for the repeatable job. */
  rollupNow(): Promise<{ hours: number; changed: number }>;
}

const INGEST_CONNECTIONS = 4;

export async function startAnalyticsService(
  options: AnalyticsServiceOptions,
): Promise<AnalyticsService> {
  const log = options.log ?? createLogger('analytics');
  const now = options.now ?? (() => new Date());
  const prefix = options.queuePrefix ?? options.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX;
  const db = createAnalyticsDb(options.DATABASE_URL);
  const pool = createIngestPool(options.DATABASE_URL, INGEST_CONNECTIONS);
  // An idle connection dropped by the server is replaced on next use; it must not crash the process.
  pool.on('error', (error) => log.warn({ err: error }, 'ingest connection lost'));
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const secret = options.SERVICE_SECRET;
  const platformConfig =
    options.platformConfig ??
    createPlatformConfigClient({ adminServiceUrl: options.ADMIN_SERVICE_URL, serviceSecret: secret, caller: 'analytics', now, log });
  const deps: AnalyticsDeps = {
    db,
    now,
    campaigns: cachedCampaignDirectory(
      options.campaigns ?? createCampaignDirectory({ url: options.CAMPAIGN_SERVICE_URL, secret }),
    ),
    streamers:
      options.streamers ?? createStreamerDirectory({ url: options.STREAMER_SERVICE_URL, secret }),
  };
  const writer = createGroupCommitWriter({
    pool,
    maxDelayMs: 1,
    maxRows: 5_000,
    concurrency: INGEST_CONNECTIONS,
    now,
  });
  const ingest = createIngestRoute({
    keys: cachedOverlayKeys(
      options.overlayKeys ?? createOverlayKeysClient({ url: options.OVERLAY_SERVICE_URL, secret }),
      {
        hitMs: options.overlayKeyCacheMs ?? 5_000,
        missMs: Math.min(options.overlayKeyCacheMs ?? 1_000, 1_000),
        now: () => now().getTime(),
      },
    ),
    guard: createTrafficGuard({
      limits: async () => {
        const config = await platformConfig.get();
        return { ratePerSecond: config.ingestRatePerKey, burst: config.ingestBurstPerKey };
      },
      now,
    }),
    writer,
    owners: createParticipationOwners(db, now),
    liveHistory: (streamerId, fromMs, toMs) => liveChangesBetween(db, streamerId, fromMs, toMs),
    recordCreativeFailures: (rows) => recordCreativeFailures(db, rows),
    now,
    log,
  });
  const clicks = createClickRoute({
    db,
    clickThroughs: cachedClickThroughs(
      options.clickThroughs ?? createClickThroughs({ url: options.CAMPAIGN_SERVICE_URL, secret }),
      { ttlMs: 30_000, now: () => now().getTime() },
    ),
    participations:
      options.participations ??
      createParticipationLookup({ url: options.PARTICIPATION_SERVICE_URL, secret }),
    visitorSecret: secret,
    landingUrl: options.LANDING_URL,
    now,
    log,
  });
  const counters = createAnalyticsMetrics();
  const rollup = serialized(() => runRollup(db, now(), counters.counted));
  const jobs = await startRollupJobs({
    db,
    now,
    rollup,
    redisUrl: options.REDIS_URL,
    prefix,
    everyMs: options.ROLLUP_EVERY_MS,
    log,
  });
  const relay = startOutboxRelay({
    databaseUrl: options.DATABASE_URL,
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    log,
  });
  const consumer = startEventConsumer({
    service: 'analytics',
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    runInTransaction: (work) => db.$transaction((tx) => work(tx)),
    handlers: {
      ...participationLinkHandlers(),
      ...liveHistoryHandlers(),
      'config.changed': (event) => platformConfig.onConfigChanged(event),
    },
    log,
  });

  const service = await startService({
    name: 'analytics',
    port: options.PORT,
    host: options.HOST,
    router: createAnalyticsRouter(deps),
    auth: {
      accessTokens: createAccessTokenVerifier({
        jwksUrl: options.IDENTITY_JWKS_URL,
        issuer: options.TOKEN_ISSUER,
        audience: options.TOKEN_AUDIENCE,
      }),
      serviceSecret: options.SERVICE_SECRET,
    },
    outbox: relay,
    metrics: counters.metrics,
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      redis: () => redis.ping(),
    },
    routes: { 'POST /ingest': ingest, 'GET /r': clicks, 'HEAD /r': clicks },
    closeables: [
      () => consumer.stop(),
      () => writer.close(),
      () => jobs.stop(),
      () => relay.stop(),
      () => pool.end(),
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps, rollupNow: rollup });
}
