import { failure, runningClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import { createStripeClient } from '../stripe/stripe-client';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';
import { eventually, payCheckout, stripeTestRoute, TEST_CARD } from '../testing/stripe-flow-helpers';
import { resendPendingRefunds } from './refund-requests';

const clock = runningClock('2026-03-02T10:00:00.000Z');
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
type Client = ReturnType<PaymentHarness['client']>;
let brandA: Client;
let brandB: Client;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  brandA = harness.client(await issuer.tokenFor(cast.brandA));
  brandB = harness.client(await issuer.tokenFor(cast.brandB));
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const walletOf = (client: Client) => client.payment.wallet.summary.query().then((summary) => summary.availableCents);
const disputesHeld = async () => Number((await harness.transaction((tx) => balanceOf(tx, accounts.disputesHeld().code))).posted);

async function topUp(client: Client, amountCents: number, card: string = TEST_CARD.visa) {
  const { url } = await client.payment.billing.createTopUp.mutate({ amountCents, saveCard: false });
  const paymentIntentId = (await payCheckout(harness.stripe, url, card)).body.payment_intent!;
  await eventually(async () => (await harness.db.deposit.count({ where: { paymentIntentId } })) === 1, 'the deposit');
  return paymentIntentId;
}

describe('refunds', () => {
  it('refunds unspent wallet money against the deposits, newest first', async () => {
    const older = await topUp(brandA, 3_000);
    const newer = await topUp(brandA, 2_000);
    const before = await walletOf(brandA);
    const { refunds } = await brandA.payment.billing.requestRefund.mutate({ amountCents: 2_500 });
    expect(refunds.map(({ paymentIntentId, amountCents, status }) => ({ paymentIntentId, amountCents, status }))).toEqual([
      { paymentIntentId: newer, amountCents: 2_000, status: 'succeeded' },
      { paymentIntentId: older, amountCents: 500, status: 'succeeded' },
    ]);
    expect(await walletOf(brandA)).toBe(before - 2_500);
    const atStripe = await harness.deps.stripe.refunds.list({ payment_intent: older });
    expect(atStripe.data.map((refund) => refund.amount)).toEqual([500]);
    expect(await brandB.payment.billing.refunds.query({ limit: 10 })).toEqual([]);
  });

  it('gives the money back to the wallet when a succeeded refund fails later, once', async () => {
    await topUp(brandA, 1_000);
    const before = await walletOf(brandA);
    const { refunds } = await brandA.payment.billing.requestRefund.mutate({ amountCents: 600 });
    expect(await walletOf(brandA)).toBe(before - 600);
    const stripeRefundId = (await harness.db.refund.findUniqueOrThrow({ where: { id: refunds[0]!.id } })).stripeRefundId!;
    expect((await stripeTestRoute(harness.stripe, `refunds/${stripeRefundId}/fail`, {})).status).toBe(200);
    await eventually(async () => (await walletOf(brandA)) === before, 'the money back');
    const failedEvent = (await harness.deps.stripe.events.list({ type: 'refund.failed', limit: 10 })).data[0]!;
    await stripeTestRoute(harness.stripe, 'webhooks/duplicate', { event_id: failedEvent.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await walletOf(brandA)).toBe(before);
    expect(await brandA.payment.billing.refunds.query({ limit: 1 })).toMatchObject([{ id: refunds[0]!.id, status: 'failed' }]);
  });

  it('keeps a refund Stripe did not answer for held, and sends it later under the same key', async () => {
    const paymentIntentId = await topUp(brandA, 900);
    const before = await walletOf(brandA);
    const reachable = harness.deps.stripe;
    harness.deps.stripe = createStripeClient({ STRIPE_SECRET_KEY: harness.stripe.secretKey, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: 9, STRIPE_API_PROTOCOL: 'http' });
    let requested;
    try {
      requested = await brandA.payment.billing.requestRefund.mutate({ amountCents: 900 });
    } finally {
      harness.deps.stripe = reachable;
    }
    expect(requested.refunds).toMatchObject([{ paymentIntentId, amountCents: 900, status: 'pending' }]);
    expect(await walletOf(brandA)).toBe(before - 900);
    clock.advance(61_000);
    expect(await resendPendingRefunds(harness.deps)).toBe(1);
    expect(await brandA.payment.billing.refunds.query({ limit: 1 })).toMatchObject([{ id: requested.refunds[0]!.id, status: 'succeeded' }]);
    expect((await harness.deps.stripe.refunds.list({ payment_intent: paymentIntentId })).data.map((refund) => refund.amount)).toEqual([900]);
    expect(await walletOf(brandA)).toBe(before - 900);
  });

  it('refuses more than was paid by card or is left in the wallet, writing nothing', async () => {
    const rows = await harness.db.refund.count();
    const tooMuch = await failure(brandA.payment.billing.requestRefund.mutate({ amountCents: 1_000_000 }));
    expect(tooMuch).toMatchObject({ httpStatus: 412, reason: 'refund_exceeds_deposits' });
    const nothingPaid = await failure(brandB.payment.billing.requestRefund.mutate({ amountCents: 100 }));
    expect(nothingPaid).toMatchObject({ httpStatus: 412 });
    for (const amountCents of [-5, 0, 0.5, 10_000_001, '100' as unknown as number]) {
      expect((await failure(brandA.payment.billing.requestRefund.mutate({ amountCents }))).httpStatus, String(amountCents)).toBe(400);
    }
    expect(await harness.db.refund.count()).toBe(rows);
  });
});

describe('disputes', () => {
  it('holds a disputed payment and gives it back when the dispute is won', async () => {
    const before = await walletOf(brandB);
    const paymentIntentId = await topUp(brandB, 4_000, TEST_CARD.disputed);
    const dispute = await eventually(() => harness.db.dispute.findFirst({ where: { paymentIntentId } }), 'the dispute');
    expect(dispute).toMatchObject({ amountCents: 4_000n, heldCents: 4_000n, status: 'open' });
    expect(await walletOf(brandB)).toBe(before);
    expect(await disputesHeld()).toBe(4_000);
    await stripeTestRoute(harness.stripe, `disputes/${dispute.id}/close`, { status: 'won' });
    await eventually(async () => (await harness.db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).status === 'won', 'won');
    expect(await walletOf(brandB)).toBe(before + 4_000);
    expect(await disputesHeld()).toBe(0);
  });

  it('debits a lost dispute, once however often Stripe says so', async () => {
    const paymentIntentId = await topUp(brandB, 6_000);
    const before = await walletOf(brandB);
    const opened = await stripeTestRoute<{ id: string }>(harness.stripe, 'disputes', { payment_intent: paymentIntentId, amount: 2_500 });
    expect(opened.status).toBe(200);
    await eventually(async () => (await walletOf(brandB)) === before - 2_500, 'the hold');
    await stripeTestRoute(harness.stripe, `disputes/${opened.body.id}/close`, { status: 'lost' });
    await eventually(async () => (await harness.db.dispute.findUniqueOrThrow({ where: { id: opened.body.id } })).status === 'lost', 'lost');
    const events = (await harness.deps.stripe.events.list({ limit: 100 })).data.filter(
      (event) => (event.data.object as { id?: string }).id === opened.body.id,
    );
    for (const event of events) await stripeTestRoute(harness.stripe, 'webhooks/duplicate', { event_id: event.id });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await walletOf(brandB)).toBe(before - 2_500);
    expect(await disputesHeld()).toBe(0);
    expect(await harness.db.journalEntry.count({ where: { idempotencyKey: `dispute:${opened.body.id}:close` } })).toBe(1);
  });
});
