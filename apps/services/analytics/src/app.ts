import { DEFAULT_QUEUE_PREFIX, startOutboxRelay } from '@gametriggers/events';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import type { CampaignDirectory } from './clients/campaign-directory';
import { cachedCampaignDirectory, createCampaignDirectory } from './clients/campaign-directory';
import type { OverlayKeys } from './clients/overlay-keys';
import { cachedOverlayKeys, createOverlayKeysClient } from './clients/overlay-keys';
import { createAnalyticsDb, createIngestPool } from './database';
import type { AnalyticsDeps } from './domain/deps';
import type { AnalyticsEnv } from './env';
import { createGroupCommitWriter } from './ingest/group-commit-writer';
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
  /** How long a resolved overlay key is remembered (default 5 s). */
  overlayKeyCacheMs?: number;
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
  const deps: AnalyticsDeps = {
    db,
    now,
    campaigns: cachedCampaignDirectory(
      options.campaigns ?? createCampaignDirectory({ url: options.CAMPAIGN_SERVICE_URL, secret }),
    ),
  };
  const writer = createGroupCommitWriter({
    pool,
    maxDelayMs: 5,
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
        now: () => Date.now(),
      },
    ),
    guard: createTrafficGuard({
      ratePerSecond: options.INGEST_RATE_PER_KEY,
      burst: options.INGEST_BURST_PER_KEY,
      now,
    }),
    writer,
    log,
  });
  const rollup = serialized(() => runRollup(db, now()));
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
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      redis: () => redis.ping(),
    },
    routes: { 'POST /ingest': ingest },
    closeables: [
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
