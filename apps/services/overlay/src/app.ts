import { DEFAULT_QUEUE_PREFIX, createQueueStatsReader, startEventConsumer } from '@gametriggers/events';
import {
  createChannelAuthorizer,
  createRealtimePublisher,
  realtimeConfigFromEnv,
} from '@gametriggers/realtime';
import type { RealtimeConfig } from '@gametriggers/realtime';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import { createSecretBox, parseEncryptionKeys } from '@gametriggers/tokens/secret-box';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { createCampaignDirectory } from './clients/campaign-directory';
import { createOverlayDb } from './database';
import { deliveryEventHandlers } from './delivery-events';
import type { CampaignDirectory, OverlayDeps } from './domain/deps';
import type { OverlayEnv } from './env';
import { overlayChannelAuthPreflight, overlayChannelAuthRoute } from './http/overlay-channel-auth';
import { createDeliveryScheduler } from './jobs/delivery-scheduler';
import { resumeLiveOverlays } from './jobs/resume-live-overlays';
import { createOverlayMetrics } from './overlay-metrics';
import { createOverlayRouter } from './router';

export interface OverlayServiceOptions extends OverlayEnv {
  now?: () => Date;
  /** BullMQ key prefix; tests give each file its own (or share one with the services they talk to). */
  queuePrefix?: string;
  log?: Logger;
  /** Pusher settings; default: read from the PUSHER_* variables. */
  realtime?: RealtimeConfig;
  /** A stand-in for the campaign service (default: its real client). */
  campaigns?: CampaignDirectory;
  random?: () => number;
}

export interface OverlayService extends RunningService {
  deps: OverlayDeps;
}

export async function startOverlayService(options: OverlayServiceOptions): Promise<OverlayService> {
  const log = options.log ?? createLogger('overlay');
  const prefix = options.queuePrefix ?? DEFAULT_QUEUE_PREFIX;
  const realtimeConfig = options.realtime ?? realtimeConfigFromEnv(options);
  const db = createOverlayDb(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();

  const now = options.now ?? (() => new Date());
  const scheduler = createDeliveryScheduler({
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    log,
    now,
  });
  const deps: OverlayDeps = {
    db,
    realtime: createRealtimePublisher(realtimeConfig),
    campaigns:
      options.campaigns ??
      createCampaignDirectory({
        url: options.CAMPAIGN_SERVICE_URL,
        secret: options.SERVICE_SECRET,
      }),
    delivery: scheduler.trigger,
    now,
    log,
    random: options.random ?? Math.random,
    shortLinkBaseUrl: options.SHORT_LINK_BASE_URL,
    secrets: createSecretBox(
      parseEncryptionKeys(options.OVERLAY_ENCRYPTION_KEYS),
      options.OVERLAY_ENCRYPTION_ACTIVE_KEY_ID,
    ),
  };
  scheduler.start(deps);
  resumeLiveOverlays(deps).catch((error: unknown) =>
    log.error({ err: error }, 'resuming live overlays failed'),
  );

  const consumer = startEventConsumer({
    service: 'overlay',
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    runInTransaction: (work) => db.$transaction((tx) => work(tx)),
    handlers: deliveryEventHandlers(deps.delivery),
    log,
  });

  const service = await startService({
    name: 'overlay',
    port: options.PORT,
    host: options.HOST,
    router: createOverlayRouter(deps),
    auth: {
      accessTokens: createAccessTokenVerifier({
        jwksUrl: options.IDENTITY_JWKS_URL,
        issuer: options.TOKEN_ISSUER,
        audience: options.TOKEN_AUDIENCE,
      }),
      serviceSecret: options.SERVICE_SECRET,
    },
    // No outbox relay here to read them through: the service's queues are read directly.
    queues: createQueueStatsReader({ redisUrl: options.REDIS_URL, prefix, service: 'overlay' }),
    metrics: createOverlayMetrics(db).metrics,
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      redis: () => redis.ping(),
    },
    routes: {
      'POST /realtime/auth': overlayChannelAuthRoute(deps, createChannelAuthorizer(realtimeConfig)),
      'OPTIONS /realtime/auth': overlayChannelAuthPreflight,
    },
    closeables: [
      () => consumer.stop(),
      () => scheduler.stop(),
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps });
}
