import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventSender } from '@gametriggers/events/testing';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import type { LocalStripe } from '@gametriggers/stripe-local';
import { startLocalStripe } from '@gametriggers/stripe-local';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import { createPersonClient, createServiceClient } from '@gametriggers/trpc';
import type { PaymentServiceOptions } from '../app';
import { startPaymentService } from '../app';
import type { PaymentSql } from '../database';
import { creditDeposit } from '../money/deposits';
import type { BillingProfileDirectory } from '../stripe/flow-settings';
import type { StripeEnv } from '../stripe/stripe-env';
import type { PaymentRouter } from '../router';

export const paymentMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const paymentTestServiceSecret = 'test-service-secret-of-at-least-32-chars';

export interface PaymentHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  now?: () => Date;
  serviceSecret?: string;
  /** BullMQ prefix; share one with other harnesses to have their events reach this service. */
  queuePrefix?: string;
  /** The platform configuration (default: the defaults; a client of an admin harness to test changes). */
  platformConfig?: PlatformConfigSource;
  /** How often the maturing job runs (default: hourly, so tests mature earnings when they choose). */
  earningsMatureEveryMs?: number;
  /** A local Stripe to talk to (default: one of its own, on the same clock, stopped on close). */
  stripe?: LocalStripe;
  /** Overrides of the Stripe-facing flows' settings (thresholds, schedules). */
  flows?: Partial<StripeEnv>;
  billingProfiles?: BillingProfileDirectory;
  /** The service on its test clock (`PAYMENT_TEST_CLOCK`) instead of `now`. */
  testClock?: boolean;
}

/** Billing details of no one: invoices name the brand by id (tests that need details pass their own). */
const noBillingProfiles: BillingProfileDirectory = { billingProfile: () => Promise.resolve(null) };

/**
 * A real payment service for tests: its own fresh database and Redis namespace, on a free port.
 * `close()` stops it and drops everything it created.
 */
export async function startPaymentHarness(options: PaymentHarnessOptions) {
  const database = await createTestDatabase(paymentMigrationsDir, 'payment');
  const redis = createTestRedisNamespace('payment');
  const serviceSecret = options.serviceSecret ?? paymentTestServiceSecret;
  const stripe = options.stripe ?? (await startLocalStripe({ now: options.now, webhookRetryDelaysMs: [50, 200, 1_000] }));
  const stripeAddress = stripe.clientOptions();
  const config: PaymentServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: serviceSecret,
    PAYMENT_TEST_CLOCK: options.testClock ?? false,
    EARNINGS_MATURE_EVERY_MS: options.earningsMatureEveryMs ?? 3_600_000,
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_API_HOST: stripeAddress.host,
    STRIPE_API_PORT: stripeAddress.port,
    STRIPE_API_PROTOCOL: stripeAddress.protocol,
    BRAND_PORTAL_URL: 'http://localhost:3001',
    STREAMER_PORTAL_URL: 'http://localhost:3002',
    LOW_BALANCE_ALERT_CENTS: 5_000,
    WALLET_WATCH_EVERY_MS: 3_600_000,
    RECONCILE_EVERY_MS: 3_600_000,
    INVOICE_ISSUER_NAME: 'Gametriggers Inc.',
    INVOICE_ISSUER_ADDRESS: '548 Market St, San Francisco, CA 94104, US',
    BRAND_SERVICE_URL: 'http://127.0.0.1:9',
    ADMIN_SERVICE_URL: 'http://127.0.0.1:9',
    ...options.flows,
    platformConfig: options.platformConfig ?? fixedPlatformConfig(),
    billingProfiles: options.billingProfiles ?? noBillingProfiles,
    queuePrefix: options.queuePrefix ?? redis.prefix,
    now: options.now,
  };
  const service = await startPaymentService(config);
  const events = createEventSender({
    consumer: 'payment',
    redisUrl: redis.url,
    queuePrefix: config.queuePrefix ?? redis.prefix,
    now: service.deps.now,
    isApplied: async (eventId) =>
      (await service.deps.db.processedEvent.findUnique({
        where: { consumer_eventId: { consumer: 'payment', eventId } },
      })) !== null,
  });

  /** A client as the person holding `token` (an access token), or anonymous without one. */
  function client(token?: string) {
    return createPersonClient<PaymentRouter>({ url: service.url, accessToken: token });
  }

  /** A client as another service (for `payment.internal.*`). */
  function serviceClient(caller: string) {
    return createServiceClient<PaymentRouter>({ url: service.url, secret: serviceSecret, caller });
  }

  return {
    url: service.url,
    service,
    config,
    /** The local Stripe the service talks to. */
    stripe,
    deps: service.deps,
    db: service.deps.db,
    client,
    serviceClient,
    /** Runs money operations in one transaction of the service's own runner. */
    transaction: <T>(work: (tx: PaymentSql) => Promise<T>) => service.deps.transaction(work),
    /** Credits a brand's wallet as a paid top-up does (its own PaymentIntent id unless one is given). */
    fundWallet: (brandId: string, amountCents: number, paymentIntentId = `pi_test_${randomUUID()}`) =>
      service.deps.transaction((tx) => creditDeposit(tx, service.deps, { brandId, amountCents, paymentIntentId })),
    /** Delivers an event to the service as the outbox relay would, resolving once it is applied. */
    sendEvent: events.send,
    /** Resolves once every counted hour received so far has been charged (the queue is empty). */
    async chargesSettled(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await service.deps.db.countedHourInbox.count()) > 0) {
        if (Date.now() > deadline) throw new Error('Queued counted hours were not charged in time');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      await events.close();
      await service.close(1_000);
      if (!options.stripe) await stripe.stop();
      await redis.clear();
      await database.drop();
    },
  };
}
export type PaymentHarness = Awaited<ReturnType<typeof startPaymentHarness>>;
