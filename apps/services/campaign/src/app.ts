import { startEventConsumer, startOutboxRelay } from '@gametriggers/events';
import { DEFAULT_QUEUE_PREFIX } from '@gametriggers/events';
import { createPlatformConfigClient } from '@gametriggers/platform-config';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import type { AssetLibrary } from './clients/asset-library';
import { createAssetLibrary } from './clients/asset-library';
import type { BrandDirectory } from './clients/brand-directory';
import { createBrandDirectory } from './clients/brand-directory';
import type { BudgetReserver } from './clients/payment-ledger';
import { createPaymentLedger } from './clients/payment-ledger';
import type { StreamerDirectory } from './clients/streamer-directory';
import { createStreamerDirectory } from './clients/streamer-directory';
import { createCampaignDb } from './database';
import type { CampaignDeps } from './domain/deps';
import { recordCampaignSpend } from './domain/campaign-spend';
import { applyCreativeRejection } from './domain/content-moderation';
import { countParticipantIn, countParticipantOut } from './domain/participant-counts';
import { applyStreamerTargetingChange } from './domain/streamer-targeting';
import type { CampaignEnv } from './env';
import { startCampaignJobs, createScheduleQueue } from './jobs/campaign-jobs';
import { createCampaignScheduler } from './jobs/campaign-scheduler';
import { createCampaignRouter } from './router';

export interface CampaignServiceOptions extends CampaignEnv {
  now?: () => Date;
  /** BullMQ key prefix (events and schedule jobs); tests give each file its own. */
  queuePrefix?: string;
  log?: Logger;
  /** Stand-ins for the brand, streamer, payment and asset services (default: their real clients). */
  brands?: BrandDirectory;
  streamers?: StreamerDirectory;
  payments?: BudgetReserver;
  assets?: AssetLibrary;
  /** Where a new campaign's default G-Key cool-off comes from (default: the admin service at ADMIN_SERVICE_URL). */
  platformConfig?: PlatformConfigSource;
}

export interface CampaignService extends RunningService {
  deps: CampaignDeps;
}

export async function startCampaignService(
  options: CampaignServiceOptions,
): Promise<CampaignService> {
  const log = options.log ?? createLogger('campaign');
  const now = options.now ?? (() => new Date());
  const prefix = options.queuePrefix ?? DEFAULT_QUEUE_PREFIX;
  const db = createCampaignDb(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const queue = createScheduleQueue(options.REDIS_URL, prefix);
  const deps: CampaignDeps = {
    db,
    now,
    platformConfig:
      options.platformConfig ??
      createPlatformConfigClient({
        adminServiceUrl: options.ADMIN_SERVICE_URL,
        serviceSecret: options.SERVICE_SECRET,
        caller: 'campaign',
        now,
        log,
      }),
    schedule: createCampaignScheduler(queue, now),
    brands:
      options.brands ??
      createBrandDirectory({ url: options.BRAND_SERVICE_URL, secret: options.SERVICE_SECRET }),
    streamers:
      options.streamers ??
      createStreamerDirectory({
        url: options.STREAMER_SERVICE_URL,
        secret: options.SERVICE_SECRET,
      }),
    payments:
      options.payments ??
      createPaymentLedger({ url: options.PAYMENT_SERVICE_URL, secret: options.SERVICE_SECRET }),
    assets:
      options.assets ?? createAssetLibrary({ url: options.ASSET_SERVICE_URL, secret: options.SERVICE_SECRET }),
  };
  const jobs = await startCampaignJobs({
    deps,
    queue,
    redisUrl: options.REDIS_URL,
    prefix,
    sweepEveryMs: options.COMPLETION_SWEEP_EVERY_MS,
    log,
  });
  const relay = startOutboxRelay({
    databaseUrl: options.DATABASE_URL,
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    log,
  });
  const consumer = startEventConsumer({
    service: 'campaign',
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    runInTransaction: (work) => db.$transaction(work),
    handlers: {
      'config.changed': (event) => deps.platformConfig.onConfigChanged(event),
      'participation.joined': countParticipantIn,
      'participation.approved': countParticipantIn,
      'participation.resumed': countParticipantIn,
      'participation.left': countParticipantOut,
      'participation.removed': countParticipantOut,
      'participation.paused': countParticipantOut,
      'payment.campaign_charged': recordCampaignSpend,
      'moderation.content_rejected': (event, tx) => applyCreativeRejection(event, tx, now()),
      'streamer.targeting_changed': applyStreamerTargetingChange,
    },
    log,
  });

  const service = await startService({
    name: 'campaign',
    port: options.PORT,
    host: options.HOST,
    router: createCampaignRouter(deps),
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
      () => jobs.stop(),
      () => relay.stop(),
      () => consumer.stop(),
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps });
}
