import { startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPaymentEnv } from '../env';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';
import { eventually, payCheckout, TEST_CARD } from '../testing/stripe-flow-helpers';

const DAY_SECONDS = 86_400;
let issuer: TestTokenIssuer;
let onTestClock: PaymentHarness;
let onItsClock: PaymentHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  // On purpose without `now`: the test clock is the service's own.
  onTestClock = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, testClock: true });
  onItsClock = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: () => new Date('2026-03-02T10:00:00Z') });
});
afterAll(async () => {
  await onTestClock.close();
  await onItsClock.close();
  await issuer.close();
});

const advance = (url: string, seconds: number) =>
  fetch(`${url}/_test/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });

describe('the payment test clock', () => {
  const productionEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgresql://127.0.0.1/gt_payment',
    REDIS_URL: 'redis://127.0.0.1:6379',
    SERVICE_SECRET: 'a-service-secret-of-at-least-32-chars',
    IDENTITY_JWKS_URL: 'http://127.0.0.1:4101/.well-known/jwks.json',
    STRIPE_WEBHOOK_SECRET: 'whsec_platform',
    STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_connect',
    PAYMENT_TEST_CLOCK: 'true',
  };

  it('is refused with a live Stripe key, or without the local Stripe', () => {
    expect(() => readPaymentEnv({ ...productionEnv, STRIPE_SECRET_KEY: 'sk_live_real', STRIPE_API_HOST: '127.0.0.1' })).toThrow(
      /PAYMENT_TEST_CLOCK is invalid: a test clock needs a Stripe test key/,
    );
    expect(() => readPaymentEnv({ ...productionEnv, STRIPE_SECRET_KEY: 'sk_test_e2e' })).toThrow(/PAYMENT_TEST_CLOCK/);
    expect(readPaymentEnv({ ...productionEnv, STRIPE_SECRET_KEY: 'sk_test_e2e', STRIPE_API_HOST: '127.0.0.1' }).PAYMENT_TEST_CLOCK).toBe(true);
    expect(readPaymentEnv({ ...productionEnv, PAYMENT_TEST_CLOCK: undefined, STRIPE_SECRET_KEY: 'sk_live_real' }).PAYMENT_TEST_CLOCK).toBe(false);
  });

  it('is not there without the switch', async () => {
    expect((await advance(onItsClock.url, DAY_SECONDS)).status).toBe(404);
  });

  it('moves the service and the local Stripe together: webhooks signed after the move are still accepted', async () => {
    const before = onTestClock.deps.now().getTime();
    const moved = await advance(onTestClock.url, 4 * DAY_SECONDS);
    expect(moved.status).toBe(200);
    const { now } = (await moved.json()) as { now: string };
    expect(Date.parse(now) - before).toBeGreaterThanOrEqual(4 * DAY_SECONDS * 1000);

    const brand = onTestClock.client(await issuer.tokenFor(testCast().brandA));
    const { url } = await brand.payment.billing.createTopUp.mutate({ amountCents: 5_000, saveCard: false });
    const paymentIntentId = (await payCheckout(onTestClock.stripe, url, TEST_CARD.visa)).body.payment_intent!;
    const deposit = await eventually(() => onTestClock.db.deposit.findUnique({ where: { paymentIntentId } }), 'the deposit');
    expect(Number(deposit.amountCents)).toBe(5_000);
    // The local Stripe stamped the payment in the same moved time.
    const intent = await onTestClock.deps.stripe.paymentIntents.retrieve(paymentIntentId);
    expect(Math.abs(intent.created - onTestClock.deps.now().getTime() / 1000)).toBeLessThan(60);

    expect((await advance(onTestClock.url, 0)).status).toBe(400);
  });
});
