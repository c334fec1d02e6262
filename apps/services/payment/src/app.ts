import { DEFAULT_QUEUE_PREFIX, startEventConsumer, startOutboxRelay, startRepeatableJob } from '@gametriggers/events';
import { createPlatformConfigClient } from '@gametriggers/platform-config';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { createPaymentDb, createPaymentPool, pgPaymentTransactions } from './database';
import type { PaymentDeps } from './deps';
import type { PaymentEnv } from './env';
import { watchWallets } from './checkout/wallet-watch';
import { matureDueEarnings } from './jobs/earnings-maturing';
import { startHourCharger } from './jobs/hour-charger';
import { paymentEventHandlers } from './money/event-handlers';
import { createPaymentMetrics } from './payment-metrics';
import { resendStuckWithdrawals } from './payouts/stuck-withdrawals';
import { reconcile } from './reconciliation/reconcile';
import { resendPendingRefunds } from './refunds/refund-requests';
import { createPaymentRouter } from './router';
import { createBrandBillingDirectory } from './stripe/brand-billing-directory';
import type { BillingProfileDirectory } from './stripe/flow-settings';
import { flowSettingsFrom } from './stripe/flow-settings';
import { createStripeClient, localStripeUrlOf } from './stripe/stripe-client';
import { createPaymentTestClock } from './test-clock/payment-test-clock';
import { registerWebhookEndpoints } from './webhooks/register-webhook-endpoints';
import { stripeWebhookRoutes } from './webhooks/stripe-webhook-routes';

export interface PaymentServiceOptions extends PaymentEnv {
  now?: () => Date;
  /** BullMQ key prefix; tests give each file its own (or share one with the services they talk to). */
  queuePrefix?: string;
  log?: Logger;
  /** Events applied at once by the consumer. */
  consumerConcurrency?: number;
  /** Where invoices' billing details come from (default: the brand service at BRAND_SERVICE_URL). */
  billingProfiles?: BillingProfileDirectory;
  /** Where the fee, the earnings hold and the withdrawal limits come from (default: the admin service at ADMIN_SERVICE_URL). */
  platformConfig?: PlatformConfigSource;
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
  const testClock = options.PAYMENT_TEST_CLOCK ? createPaymentTestClock(localStripeUrlOf(options)) : undefined;
  const now = options.now ?? testClock?.now ?? (() => new Date());
  const deps: PaymentDeps = {
    db,
    transaction,
    log,
    now,
    platformConfig:
      options.platformConfig ??
      createPlatformConfigClient({
        adminServiceUrl: options.ADMIN_SERVICE_URL,
        serviceSecret: options.SERVICE_SECRET,
        caller: 'payment',
        now,
        log,
      }),
    stripe: createStripeClient(options),
    flows: flowSettingsFrom(
      options,
      options.billingProfiles ?? createBrandBillingDirectory({ url: options.BRAND_SERVICE_URL, secret: options.SERVICE_SECRET }),
    ),
  };

  const jobOptions = { redisUrl: options.REDIS_URL, prefix, log };
  // The moving of earnings whose hold has passed, from pending to available.
  const maturing = await startRepeatableJob({
    ...jobOptions,
    queue: 'payment-earnings-maturing',
    everyMs: options.EARNINGS_MATURE_EVERY_MS,
    firstRunAfterOnePeriod: false,
    run: () => matureDueEarnings(deps),
  });
  const walletWatch = await startRepeatableJob({
    ...jobOptions,
    queue: 'payment-flows-watch',
    everyMs: options.WALLET_WATCH_EVERY_MS,
    firstRunAfterOnePeriod: true,
    run: async () => {
      await watchWallets(deps);
      await resendStuckWithdrawals(deps);
      await resendPendingRefunds(deps);
    },
  });
  const reconciliation = await startRepeatableJob({
    ...jobOptions,
    queue: 'payment-reconciliation',
    everyMs: options.RECONCILE_EVERY_MS,
    firstRunAfterOnePeriod: true,
    run: () => reconcile(deps),
  });
  const counters = createPaymentMetrics(async () => {
    const latest = await deps.db.reconciliationRun.findFirst({ orderBy: { ranAt: 'desc' }, select: { differenceCount: true } });
    return latest?.differenceCount ?? 0;
  });
  const charger = startHourCharger({ deps, log, charged: counters.charged });
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
    routes: { ...stripeWebhookRoutes(deps), ...testClock?.routes },
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
    closeables: [
      () => charger.stop(),
      () => maturing.stop(),
      () => walletWatch.stop(),
      () => reconciliation.stop(),
      () => relay.stop(),
      () => consumer.stop(),
      () => db.$disconnect(),
      () => pool.end(),
      () => redis.quit(),
    ],
    log,
  });
  if (!deps.flows.webhookSecrets.platform || !deps.flows.webhookSecrets.connect) {
    await registerWebhookEndpoints(deps, options.STRIPE_WEBHOOK_BASE_URL ?? service.url);
  }
  return Object.assign(service, { deps });
}
