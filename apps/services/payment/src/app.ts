import { DEFAULT_QUEUE_PREFIX, startEventConsumer, startOutboxRelay } from '@gametriggers/events';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { createPaymentDb, createPaymentPool, pgPaymentTransactions } from './database';
import type { PaymentDeps } from './deps';
import type { PaymentEnv } from './env';
import { startEarningsMaturing } from './jobs/earnings-maturing';
import { startHourCharger } from './jobs/hour-charger';
import { paymentEventHandlers } from './money/event-handlers';
import { createPaymentRouter } from './router';

export interface PaymentServiceOptions extends PaymentEnv {
  now?: () => Date;
  /** BullMQ key prefix; tests give each file its own (or share one with the services they talk to). */
  queuePrefix?: string;
  log?: Logger;
  /** Events applied at once by the consumer. */
  consumerConcurrency?: number;
}

export interface PaymentService extends RunningService {
  deps: PaymentDeps;
}

export async function startPaymentService(options: PaymentServiceOptions): Promise<PaymentService> {
  const log = options.log ?? createLogger('payment');
  const prefix = options.queuePrefix ?? options.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX;
  const db = createPaymentDb(options.DATABASE_URL);
  const pool = createPaymentPool(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const transaction = pgPaymentTransactions(pool);
  const deps: PaymentDeps = {
    db,
    transaction,
    log,
    now: options.now ?? (() => new Date()),
    feeBps: options.PLATFORM_FEE_BPS,
    earningsHoldDays: options.EARNINGS_HOLD_DAYS,
  };

  const maturing = await startEarningsMaturing({
    deps,
    redisUrl: options.REDIS_URL,
    prefix,
    everyMs: options.EARNINGS_MATURE_EVERY_MS,
    log,
  });
  const charger = startHourCharger({ deps, log });
  const relay = startOutboxRelay({
    databaseUrl: options.DATABASE_URL,
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    log,
  });
  const consumer = startEventConsumer({
    service: 'payment',
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    runInTransaction: transaction,
    handlers: paymentEventHandlers(deps),
    concurrency: options.consumerConcurrency,
    log,
  });

  const service = await startService({
    name: 'payment',
    port: options.PORT,
    host: options.HOST,
    router: createPaymentRouter(deps),
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
    closeables: [
      () => charger.stop(),
      () => maturing.stop(),
      () => relay.stop(),
      () => consumer.stop(),
      () => db.$disconnect(),
      () => pool.end(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps });
}
