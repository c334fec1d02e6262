import {
  DEFAULT_QUEUE_PREFIX,
  startEventConsumer,
  startOutboxRelay,
  startRepeatableJob,
} from '@gametriggers/events';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { adminEventHandlers } from './audit-events';
import { createAdminDb } from './database';
import type { AdminDeps } from './domain/deps';
import type { AdminEnv } from './env';
import { signAuditCheckpoint } from './domain/audit-checkpoint';
import { createAdminRouter } from './router';

export interface AdminServiceOptions extends AdminEnv {
  now?: () => Date;
  /** BullMQ key prefix; tests give each file its own (or share one with the services they hear). */
  queuePrefix?: string;
  log?: Logger;
  /** Service name → base URL for the health page (`platformServiceUrlsFrom(env)`); itself is added. */
  serviceUrls?: Record<string, string>;
}

export interface AdminService extends RunningService {
  deps: AdminDeps;
}

export async function startAdminService(options: AdminServiceOptions): Promise<AdminService> {
  const log = options.log ?? createLogger('admin');
  const prefix = options.queuePrefix ?? DEFAULT_QUEUE_PREFIX;
  const db = createAdminDb(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const deps: AdminDeps = {
    db,
    now: options.now ?? (() => new Date()),
    checkpointKey: { id: options.AUDIT_CHECKPOINT_KEY_ID, secret: options.AUDIT_CHECKPOINT_KEY },
    health: {
      services: { ...options.serviceUrls },
      redisUrl: options.REDIS_URL,
      queuePrefix: prefix,
      timeoutMs: options.HEALTH_PROBE_TIMEOUT_MS,
    },
  };
  const relay = startOutboxRelay({
    databaseUrl: options.DATABASE_URL,
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    log,
  });
  const consumer = startEventConsumer({
    service: 'admin',
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    runInTransaction: (work) => db.$transaction((tx) => work(tx)),
    handlers: adminEventHandlers(deps.now),
    // The chain grows one entry at a time (each needs the previous hash); one worker avoids waiting on the lock.
    concurrency: 1,
    log,
  });
  // Signs the audit chain's head.
  const checkpoints = await startRepeatableJob({
    queue: 'admin-audit-checkpoint',
    everyMs: options.AUDIT_CHECKPOINT_EVERY_MS,
    firstRunAfterOnePeriod: false,
    run: () => signAuditCheckpoint(deps),
    redisUrl: options.REDIS_URL,
    prefix,
    log,
  });

  const service = await startService({
    name: 'admin',
    port: options.PORT,
    host: options.HOST,
    router: createAdminRouter(deps),
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
      () => checkpoints.stop(),
      () => relay.stop(),
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  // Without an address of its own, the admin service reports on itself where it listens.
  deps.health.services.admin ??= service.url;
  return Object.assign(service, { deps });
}
