import { DEFAULT_QUEUE_PREFIX, startEventConsumer, startOutboxRelay } from '@gametriggers/events';
import { createPlatformConfigClient } from '@gametriggers/platform-config';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { createCampaignLookup } from './clients/campaign-lookup';
import { createStreamerLookup } from './clients/streamer-lookup';
import type { ParticipationTx } from './database';
import { createParticipationDb } from './database';
import { endCampaignParticipations } from './domain/campaign-ended';
import type { CampaignLookup, ParticipationDeps, StreamerLookup } from './domain/deps';
import type { ParticipationEnv } from './env';
import { createParticipationRouter } from './router';

export interface ParticipationServiceOptions extends ParticipationEnv {
  now?: () => Date;
  /** BullMQ key prefix; tests give each file its own (or share one with the services they talk to). */
  queuePrefix?: string;
  log?: Logger;
  /** Stand-ins for the campaign and streamer services (default: their real clients). */
  campaigns?: CampaignLookup;
  streamers?: StreamerLookup;
  /** Where energy packs a day come from (default: the admin service at ADMIN_SERVICE_URL). */
  platformConfig?: PlatformConfigSource;
}

export interface ParticipationService extends RunningService {
  deps: ParticipationDeps;
}

export async function startParticipationService(
  options: ParticipationServiceOptions,
): Promise<ParticipationService> {
  const log = options.log ?? createLogger('participation');
  const prefix = options.queuePrefix ?? DEFAULT_QUEUE_PREFIX;
  const db = createParticipationDb(options.DATABASE_URL, options.DATABASE_POOL_SIZE);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const now = options.now ?? (() => new Date());
  const deps: ParticipationDeps = {
    db,
    now,
    log,
    platformConfig:
      options.platformConfig ??
      createPlatformConfigClient({
        adminServiceUrl: options.ADMIN_SERVICE_URL,
        serviceSecret: options.SERVICE_SECRET,
        caller: 'participation',
        now,
        log,
      }),
    campaigns:
      options.campaigns ??
      createCampaignLookup({ url: options.CAMPAIGN_SERVICE_URL, secret: options.SERVICE_SECRET }),
    streamers:
      options.streamers ??
      createStreamerLookup({ url: options.STREAMER_SERVICE_URL, secret: options.SERVICE_SECRET }),
  };

  const relay = startOutboxRelay({
    databaseUrl: options.DATABASE_URL,
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    log,
  });
  const consumer = startEventConsumer({
    service: 'participation',
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    // Prisma's transaction client: handlers below use it as such.
    runInTransaction: (work) => db.$transaction((tx) => work(tx)),
    handlers: {
      'config.changed': (event) => deps.platformConfig.onConfigChanged(event),
      'campaign.completed': (event, tx) =>
        endCampaignParticipations(
          tx as ParticipationTx,
          event.payload.campaignId,
          'completed',
          deps.now(),
        ),
      'campaign.cancelled': (event, tx) =>
        endCampaignParticipations(
          tx as ParticipationTx,
          event.payload.campaignId,
          'cancelled',
          deps.now(),
        ),
      // Participations stay as they are while a campaign pauses: joins read its status fresh, and
      // the overlay stops showing it. Nothing to change here.
      'campaign.paused': () => Promise.resolve(),
      'campaign.resumed': () => Promise.resolve(),
    },
    log,
  });

  const service = await startService({
    name: 'participation',
    port: options.PORT,
    host: options.HOST,
    router: createParticipationRouter(deps),
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
      () => relay.stop(),
      () => consumer.stop(),
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps });
}
