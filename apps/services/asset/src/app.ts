import { DEFAULT_QUEUE_PREFIX, startEventConsumer, startOutboxRelay } from '@gametriggers/events';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { createRouteHandler } from 'uploadthing/server';
import { startAssetCheckJobs } from './checks/check-jobs';
import { createAssetDb } from './database';
import { applyModerationDecision } from './domain/asset-moderation';
import type { AssetDeps } from './domain/deps';
import type { AssetEnv } from './env';
import { createAssetRouter } from './router';
import type { UploadThingConfig } from './store/asset-store';
import { createAssetStore } from './store/asset-store';
import { createAssetFileRouter } from './upload/file-router';
import { recordUpload } from './upload/record-upload';
import { UPLOAD_ROUTE_PATH, uploadRoute } from './upload/upload-route';

export interface AssetServiceOptions extends AssetEnv {
  now?: () => Date;
  /** BullMQ key prefix (events and checks); tests give each file its own. */
  queuePrefix?: string;
  log?: Logger;
}

export interface AssetService extends RunningService {
  deps: AssetDeps;
}

function uploadThingConfig(options: AssetEnv): UploadThingConfig {
  return {
    token: options.UPLOADTHING_TOKEN,
    ...(options.UPLOADTHING_INGEST_URL ? { ingestUrl: options.UPLOADTHING_INGEST_URL } : {}),
    ...(options.UPLOADTHING_API_URL ? { apiUrl: options.UPLOADTHING_API_URL } : {}),
    ...(options.UPLOADTHING_UFS_HOST ? { ufsHost: options.UPLOADTHING_UFS_HOST } : {}),
    ...(options.UPLOADTHING_UFS_APP_ID_LOCATION ? { ufsAppIdLocation: options.UPLOADTHING_UFS_APP_ID_LOCATION } : {}),
  };
}

export async function startAssetService(options: AssetServiceOptions): Promise<AssetService> {
  const log = options.log ?? createLogger('asset');
  const now = options.now ?? (() => new Date());
  const prefix = options.queuePrefix ?? options.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX;
  const db = createAssetDb(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const storeConfig = uploadThingConfig(options);
  const deps: AssetDeps = { db, now, store: createAssetStore(storeConfig) };
  const accessTokens = createAccessTokenVerifier({
    jwksUrl: options.IDENTITY_JWKS_URL,
    issuer: options.TOKEN_ISSUER,
    audience: options.TOKEN_AUDIENCE,
    now,
  });
  const checks = await startAssetCheckJobs({
    deps: { ...deps, ffprobePath: options.FFPROBE_PATH },
    redisUrl: options.REDIS_URL,
    prefix,
    log,
  });
  const relay = startOutboxRelay({ databaseUrl: options.DATABASE_URL, redisUrl: options.REDIS_URL, queuePrefix: prefix, log });
  // The moderation queue's decisions about uploaded creatives (admin service).
  const consumer = startEventConsumer({
    service: 'asset',
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    runInTransaction: (work) => db.$transaction(work),
    handlers: {
      'moderation.content_approved': (event, tx) => applyModerationDecision(event, tx, now()),
      'moderation.content_rejected': (event, tx) => applyModerationDecision(event, tx, now()),
    },
    log,
  });

  const fileRouter = createAssetFileRouter({
    accessTokens,
    recordUpload: (file) => recordUpload(deps, (assetId) => checks.enqueue(assetId), file),
  });
  // Made on first use: the callback URL defaults to this service's own address, known once listening.
  let uploadHandler: ((request: Request) => Promise<Response>) | undefined;
  const handler = () => {
    uploadHandler ??= createRouteHandler({
      router: fileRouter,
      config: {
        ...storeConfig,
        callbackUrl: options.UPLOADTHING_CALLBACK_URL ?? `${service.url}${UPLOAD_ROUTE_PATH}`,
        isDev: false,
        logLevel: 'Error',
      },
    });
    return uploadHandler;
  };
  const route = uploadRoute(handler);

  const service = await startService({
    name: 'asset',
    port: options.PORT,
    host: options.HOST,
    router: createAssetRouter(deps),
    auth: { accessTokens, serviceSecret: options.SERVICE_SECRET },
    outbox: relay,
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      redis: () => redis.ping(),
    },
    routes: { [`GET ${UPLOAD_ROUTE_PATH}`]: route, [`POST ${UPLOAD_ROUTE_PATH}`]: route },
    closeables: [() => consumer.stop(), () => checks.stop(), () => relay.stop(), () => db.$disconnect(), () => redis.quit()],
    log,
  });
  return Object.assign(service, { deps });
}
