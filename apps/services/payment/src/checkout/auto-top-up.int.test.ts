import { randomUUID } from 'node:crypto';
import { failure, runningClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveCampaignBudget } from '../money/campaign-budget';
import { creditDeposit } from '../money/deposits';
import { createStripeClient } from '../stripe/stripe-client';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';
import { eventually, payCheckout, TEST_CARD } from '../testing/stripe-flow-helpers';
import { customerOfBrand } from './customers';
import { watchWallets } from './wallet-watch';

const clock = runningClock('2026-03-02T10:00:00.000Z');
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
type Client = ReturnType<PaymentHarness['client']>;
let brandA: Client;
let brandB: Client;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, flows: { LOW_BALANCE_ALERT_CENTS: 1_000 } });
  brandA = harness.client(await issuer.tokenFor(cast.brandA));
  brandB = harness.client(await issuer.tokenFor(cast.brandB));
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const walletOf = (client: Client) => client.payment.wallet.summary.query().then((summary) => summary.availableCents);
const walletLowEvents = (brandId: string) =>
  harness.db.outboxEvent.findMany({ where: { type: 'payment.wallet_low', payload: { path: ['brandId'], equals: brandId } } });

async function topUpSavingCard(client: Client, amountCents: number, card: string) {
  const { url } = await client.payment.billing.createTopUp.mutate({ amountCents, saveCard: true });
  const paymentIntentId = (await payCheckout(harness.stripe, url, card)).body.payment_intent!;
  await eventually(async () => (await harness.db.deposit.count({ where: { paymentIntentId } })) === 1, 'the deposit');
}

async function spend(brandId: string, budgetCents: number) {
  await harness.transaction((tx) =>
    reserveCampaignBudget(tx, harness.deps, { campaignId: randomUUID(), brandId, budgetCents, pricingModel: 'cpm', rateCents: 100, perStreamerCapCents: null }),
  );
}

describe('saved cards and auto top-up', () => {
  it('tops the wallet up off-session from the saved card when it drops below the threshold', async () => {
    await topUpSavingCard(brandA, 20_000, TEST_CARD.visa);
    const cards = await brandA.payment.billing.savedCards.query();
    expect(cards).toMatchObject([{ brand: 'visa', last4: '4242' }]);
    expect(await brandB.payment.billing.savedCards.query()).toEqual([]);
    await brandA.payment.billing.setAutoTopUp.mutate({ enabled: true, thresholdCents: 10_000, amountCents: 15_000 });

    await watchWallets(harness.deps);
    expect(await walletOf(brandA)).toBe(20_000);
    await spend(cast.brandA.userId, 12_000);
    await watchWallets(harness.deps);
    expect(await walletOf(brandA)).toBe(8_000 + 15_000);
    const deposits = await harness.db.deposit.findMany({ where: { brandId: cast.brandA.userId, source: 'auto_top_up' } });
    expect(deposits.map((deposit) => Number(deposit.amountCents))).toEqual([15_000]);
    // The webhook for the same PaymentIntent arrives too: still one credit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await walletOf(brandA)).toBe(23_000);
  });

  it('turns auto top-up off and tells the brand when the card needs authentication', async () => {
    await topUpSavingCard(brandB, 6_000, TEST_CARD.authentication);
    await brandB.payment.billing.setAutoTopUp.mutate({ enabled: true, thresholdCents: 5_000, amountCents: 10_000 });
    await spend(cast.brandB.userId, 2_000);
    await watchWallets(harness.deps);
    expect(await walletOf(brandB)).toBe(4_000);
    const settings = await brandB.payment.billing.autoTopUp.query();
    expect(settings.enabled).toBe(false);
    expect(settings.disabledReason).toMatch(/confirm/);
    const events = await walletLowEvents(cast.brandB.userId);
    expect(events.map((event) => (event.payload as { reason: string }).reason)).toEqual([settings.disabledReason]);
  });

  it('turns auto top-up off when the saved card is declined', async () => {
    const customer = await customerOfBrand(harness.deps, cast.brandB.userId);
    const declining = await harness.deps.stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer });
    await brandB.payment.billing.setAutoTopUp.mutate({ enabled: true, thresholdCents: 5_000, amountCents: 10_000, paymentMethodId: declining.id });
    await watchWallets(harness.deps);
    const settings = await brandB.payment.billing.autoTopUp.query();
    expect(settings).toMatchObject({ enabled: false });
    expect(settings.disabledReason).toMatch(/declined/);
    expect(await walletOf(brandB)).toBe(4_000);
    await eventually(async () => (await brandB.payment.billing.paymentFailures.query({ limit: 5 })).length > 0, 'the failure recorded');
    // Announced as an automatic top-up's failure (the brand is told through payment.wallet_low).
    const failed = await harness.db.outboxEvent.findMany({
      where: { type: 'payment.topup_failed', payload: { path: ['brandId'], equals: cast.brandB.userId } },
    });
    expect(failed.map((event) => event.payload)).toContainEqual(
      expect.objectContaining({ source: 'auto_top_up', code: 'generic_decline', amountCents: 10_000, currency: 'USD' }),
    );
    expect(failed.every((event) => (event.payload as { source: string }).source === 'auto_top_up')).toBe(true);
  });

  it('alerts once per dip below the low-balance line when auto top-up is off', async () => {
    const brandC = randomUUID();
    await harness.transaction((tx) =>
      creditDeposit(tx, harness.deps, { brandId: brandC, amountCents: 1_500, paymentIntentId: `pi_low_${brandC}` }),
    );
    await spend(brandC, 1_000);
    await watchWallets(harness.deps);
    await watchWallets(harness.deps);
    const events = await walletLowEvents(brandC);
    expect(events.map((event) => event.payload)).toEqual([{ brandId: brandC, availableCents: 500, currency: 'USD', reason: 'low_balance' }]);
  });

  it('refuses auto top-up without a saved card and foreign cards, and removes a card', async () => {
    const noCard = await failure(
      harness.client(await issuer.tokenFor(testCast().brandA)).payment.billing.setAutoTopUp.mutate({ enabled: true, thresholdCents: 1_000, amountCents: 5_000 }),
    );
    expect(noCard).toMatchObject({ httpStatus: 412, reason: 'no_saved_card' });
    const [cardOfA] = await brandA.payment.billing.savedCards.query();
    const foreign = await failure(brandB.payment.billing.removeSavedCard.mutate({ paymentMethodId: cardOfA!.id }));
    expect(foreign.httpStatus).toBe(404);
    await brandA.payment.billing.removeSavedCard.mutate({ paymentMethodId: cardOfA!.id });
    expect(await brandA.payment.billing.savedCards.query()).toEqual([]);
    expect((await brandA.payment.billing.autoTopUp.query()).enabled).toBe(false);
  });
});

describe('when Stripe does not answer', () => {
  it('answers a top-up with a 503 that says so, and records nothing', async () => {
    const answering = harness.deps.stripe;
    harness.deps.stripe = createStripeClient({
      STRIPE_SECRET_KEY: harness.stripe.secretKey,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: 9,
      STRIPE_API_PROTOCOL: 'http',
    });
    try {
      const topUpsBefore = await harness.db.topUp.count();
      const refused = await failure(brandB.payment.billing.createTopUp.mutate({ amountCents: 5_000, saveCard: false }));
      expect(refused).toMatchObject({ httpStatus: 503, code: 'SERVICE_UNAVAILABLE', reason: 'payment_provider_unavailable' });
      expect(refused.message).toMatch(/not answering right now/);
      expect(await harness.db.topUp.count()).toBe(topUpsBefore);
    } finally {
      harness.deps.stripe = answering;
    }
  });
});
