import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { failure, runningClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';
import { eventually, payCheckout, stripeEventOf, stripeEvents, stripeTestRoute, TEST_CARD } from '../testing/stripe-flow-helpers';

const clock = runningClock('2026-03-02T10:00:00.000Z');
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
let brandA: ReturnType<PaymentHarness['client']>;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  brandA = harness.client(await issuer.tokenFor(cast.brandA));
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const count = async (table: string) =>
  Number((await harness.db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n);
const wallet = () => brandA.payment.wallet.summary.query();
const depositEntries = (paymentIntentId: string) =>
  harness.db.journalEntry.count({ where: { idempotencyKey: `deposit:${paymentIntentId}` } });

async function paidTopUp(amountCents: number, card: string = TEST_CARD.visa) {
  const { url } = await brandA.payment.billing.createTopUp.mutate({ amountCents, saveCard: false });
  const paid = await payCheckout(harness.stripe, url, card);
  expect(paid.status).toBe(200);
  const paymentIntentId = paid.body.payment_intent!;
  await eventually(async () => (await depositEntries(paymentIntentId)) === 1, 'the deposit');
  return paymentIntentId;
}

async function signedDelivery(path: string, body: string, secret: string) {
  const timestamp = Math.floor(clock.now().getTime() / 1000);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return fetch(`${harness.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': `t=${timestamp},v1=${signature}` },
    body,
  });
}

describe('webhook signatures', () => {
  it('refuses a delivery whose signature does not match and writes nothing', async () => {
    const before = await Promise.all(['stripe_events', 'deposits', 'journal_entries'].map(count));
    const body = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_forged', object: 'payment_intent', amount: 100_000, metadata: { brandId: cast.brandA.userId } } },
    });
    for (const path of ['/webhooks/stripe', '/webhooks/stripe/connect']) {
      const forged = await signedDelivery(path, body, 'whsec_not_the_secret');
      expect(forged.status).toBe(400);
      expect(await forged.json()).toMatchObject({ error: 'bad_signature' });
      const unsigned = await fetch(`${harness.url}${path}`, { method: 'POST', body });
      expect(unsigned.status).toBe(400);
    }
    expect(await Promise.all(['stripe_events', 'deposits', 'journal_entries'].map(count))).toEqual(before);
  });

  it('refuses a correctly signed body that was changed on the way', async () => {
    const body = JSON.stringify({ id: 'evt_x', object: 'event', type: 'ping', data: { object: {} } });
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    const secret = harness.deps.flows.webhookSecrets.platform;
    const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    const response = await fetch(`${harness.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'stripe-signature': `t=${timestamp},v1=${signature}` },
      body: body.replace('ping', 'pong'),
    });
    expect(response.status).toBe(400);
    expect(await harness.db.stripeEvent.count({ where: { id: 'evt_x' } })).toBe(0);
  });
});

describe('top-ups', () => {
  it('credits a paid top-up once, with the next invoice number', async () => {
    const before = (await wallet()).availableCents;
    const { url } = await brandA.payment.billing.createTopUp.mutate({ amountCents: 2_500, saveCard: false });
    expect(url).toMatch(/\/pay\/cs_/);
    const paid = await payCheckout(harness.stripe, url, TEST_CARD.visa);
    const paymentIntentId = paid.body.payment_intent!;
    // Both checkout.session.completed and payment_intent.succeeded arrive; one credit.
    await stripeEventOf(harness.stripe, 'checkout.session.completed', paid.body.id);
    await eventually(async () => (await harness.db.stripeEvent.count({ where: { type: 'checkout.session.completed' } })) > 0, 'both events');
    await eventually(async () => (await wallet()).availableCents === before + 2_500, 'the credit');
    expect(await depositEntries(paymentIntentId)).toBe(1);
    const invoices = await brandA.payment.billing.invoices.query({ limit: 10 });
    expect(invoices.find((invoice) => invoice.paymentIntentId === paymentIntentId)).toMatchObject({ amountCents: 2_500 });
  });

  it('has one effect for duplicated, redelivered, late and reordered deliveries', async () => {
    const paymentIntentId = await paidTopUp(4_000);
    const balance = (await wallet()).availableCents;
    const events = (await stripeEvents(harness.stripe)).filter(
      (event) => (event.data.object as { id?: string; payment_intent?: string }).id === paymentIntentId ||
        (event.data.object as { payment_intent?: string }).payment_intent === paymentIntentId,
    );
    expect(events.length).toBeGreaterThanOrEqual(2);
    for (const event of events) {
      await stripeTestRoute(harness.stripe, 'webhooks/duplicate', { event_id: event.id });
      await stripeTestRoute(harness.stripe, 'webhooks/redeliver', { event_id: event.id });
    }
    // A paused endpoint, a new top-up, then the held deliveries released newest first.
    await stripeTestRoute(harness.stripe, 'webhooks/pause');
    const { url } = await brandA.payment.billing.createTopUp.mutate({ amountCents: 1_500, saveCard: false });
    const later = (await payCheckout(harness.stripe, url, TEST_CARD.visa)).body.payment_intent!;
    for (const event of events) await stripeTestRoute(harness.stripe, 'webhooks/redeliver', { event_id: event.id });
    await stripeTestRoute(harness.stripe, 'webhooks/resume', { order: 'reverse' });
    await eventually(async () => (await depositEntries(later)) === 1, 'the reordered deposit');
    await eventually(async () => (await wallet()).availableCents === balance + 1_500, 'one credit for the later top-up');
    // Give the duplicates time to land; nothing more happens.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await wallet()).availableCents).toBe(balance + 1_500);
    expect(await depositEntries(paymentIntentId)).toBe(1);
    expect(await depositEntries(later)).toBe(1);
  });

  it('changes nothing for a declined card', async () => {
    const before = (await wallet()).availableCents;
    const deposits = await count('deposits');
    const { url } = await brandA.payment.billing.createTopUp.mutate({ amountCents: 3_000, saveCard: false });
    const declined = await payCheckout(harness.stripe, url, TEST_CARD.declined);
    expect(declined.status).toBe(402);
    expect(declined.body.error?.message).toBe('Your card was declined.');
    expect((await wallet()).availableCents).toBe(before);
    expect(await count('deposits')).toBe(deposits);
  });

  it('tells the brand once of a failed card payment for its wallet (payment.topup_failed)', async () => {
    // What Stripe does when a card is declined on the hosted Checkout page: the session's
    // PaymentIntent (with the top-up's metadata) fails, and payment_intent.payment_failed is sent.
    const before = (await wallet()).availableCents;
    const { topUpId } = await brandA.payment.billing.createTopUp.mutate({ amountCents: 3_000, saveCard: false });
    const customer = (await harness.db.stripeCustomer.findUniqueOrThrow({ where: { brandId: cast.brandA.userId } })).customerId;
    const declined = (await harness.deps.stripe.paymentIntents
      .create(
        {
          amount: 3_000,
          currency: 'usd',
          customer,
          payment_method: 'pm_card_chargeDeclined',
          confirm: true,
          metadata: { brandId: cast.brandA.userId, topUpId, source: 'checkout' },
        },
        { idempotencyKey: 'webhook-test-declined' },
      )
      .catch((error: unknown) => error)) as Stripe.errors.StripeCardError;
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    const intentId = declined.payment_intent!.id;
    const failed = await stripeEventOf(harness.stripe, 'payment_intent.payment_failed', intentId);
    const told = () =>
      harness.db.outboxEvent.findMany({ where: { type: 'payment.topup_failed', payload: { path: ['paymentIntentId'], equals: intentId } } });
    await eventually(async () => (await told()).length === 1, 'the failure told');
    expect((await told())[0]!.payload).toEqual({
      brandId: cast.brandA.userId,
      paymentIntentId: intentId,
      amountCents: 3_000,
      currency: 'USD',
      source: 'checkout',
      code: 'generic_decline',
      reason: 'Your card was declined.',
    });
    // Delivered again, and twice at once: still one failure recorded, one event.
    await stripeTestRoute(harness.stripe, 'webhooks/redeliver', { event_id: failed.id });
    await stripeTestRoute(harness.stripe, 'webhooks/duplicate', { event_id: failed.id });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await told()).toHaveLength(1);
    expect(await harness.db.paymentFailure.count({ where: { paymentIntentId: intentId } })).toBe(1);
    expect((await wallet()).availableCents).toBe(before);
  });

  it('does not credit a payment in a currency the ledger does not keep', async () => {
    const customer = (await harness.db.stripeCustomer.findUniqueOrThrow({ where: { brandId: cast.brandA.userId } })).customerId;
    const euros = await harness.deps.stripe.paymentIntents.create(
      { amount: 5_000, currency: 'eur', customer, payment_method: 'pm_card_visa', confirm: true, metadata: { brandId: cast.brandA.userId } },
      { idempotencyKey: 'webhook-test-euros' },
    );
    const succeeded = await stripeEventOf(harness.stripe, 'payment_intent.succeeded', euros.id);
    await eventually(async () => (await harness.db.stripeEvent.count({ where: { id: succeeded.id } })) === 1, 'the event applied');
    expect(await depositEntries(euros.id)).toBe(0);
    expect(await harness.db.deposit.count({ where: { paymentIntentId: euros.id } })).toBe(0);
  });

  it('numbers invoices without gaps when many top-ups are paid at once', async () => {
    const paid = await Promise.all(Array.from({ length: 8 }, (_, index) => paidTopUp(1_000 + index)));
    expect(paid).toHaveLength(8);
    const numbers = (await harness.db.deposit.findMany({ orderBy: { invoiceNumber: 'asc' } })).map((deposit) => deposit.invoiceNumber);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1));
  });

  it('refuses amounts that are not whole cents in range, writing nothing', async () => {
    const topUps = await count('top_ups');
    for (const amountCents of [-100, 0, 10.5, 499, 10_000_001, Number.MAX_SAFE_INTEGER, '1000' as unknown as number, Number.NaN]) {
      const refused = await failure(brandA.payment.billing.createTopUp.mutate({ amountCents, saveCard: false }));
      expect(refused.httpStatus, String(amountCents)).toBe(400);
    }
    expect(await count('top_ups')).toBe(topUps);
  });
});
