import { startEventConsumer, startOutboxRelay } from '@gametriggers/events';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import type { DocumentAssets } from './clients/document-assets';
import { createDocumentAssets } from './clients/document-assets';
import { createBrandDb } from './database';
import type { BrandDeps } from './domain/deps';
import { applyProfileDecision } from './domain/profile-moderation';
import type { BrandEnv } from './env';
import { createBrandRouter } from './router';

export interface BrandServiceOptions extends BrandEnv {
  now?: () => Date;
  /** BullMQ key prefix; tests give each file its own. */
  queuePrefix?: string;
  log?: Logger;
  /** A stand-in for the asset service (default: its real client at `ASSET_SERVICE_URL`). */
  documents?: DocumentAssets;
}

export interface BrandService extends RunningService {
  deps: BrandDeps;
}

export async function startBrandService(options: BrandServiceOptions): Promise<BrandService> {
  const log = options.log ?? createLogger('brand');
  const db = createBrandDb(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const deps: BrandDeps = {
    db,
    now: options.now ?? (() => new Date()),
    documents:
      options.documents ??
      createDocumentAssets({ url: options.ASSET_SERVICE_URL, secret: options.SERVICE_SECRET }),
  };
  const queuePrefix = options.queuePrefix ?? options.QUEUE_PREFIX;
  const relay = startOutboxRelay({
    databaseUrl: options.DATABASE_URL,
    redisUrl: options.REDIS_URL,
    queuePrefix,
    log,
  });
  // Moderation's decisions about the brands' public profile text.
  const consumer = startEventConsumer({
    service: 'brand',
    redisUrl: options.REDIS_URL,
    queuePrefix,
    runInTransaction: (work) => db.$transaction(work),
    handlers: {
      'moderation.content_approved': (event, tx) => applyProfileDecision(event, tx, deps.now()),
      'moderation.content_rejected': (event, tx) => applyProfileDecision(event, tx, deps.now()),
    },
    log,
  });

  const service = await startService({
    name: 'brand',
    port: options.PORT,
    host: options.HOST,
    router: createBrandRouter(deps),
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
    closeables: [() => consumer.stop(), () => relay.stop(), () => db.$disconnect(), () => redis.quit()],
    log,
  });
  return Object.assign(service, { deps });
}
