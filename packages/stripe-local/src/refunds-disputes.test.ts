import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeTestKit } from './testing/local-stripe-kit';
import { idOf, startStripeTestKit } from './testing/local-stripe-kit';

let kit: StripeTestKit;
beforeAll(async () => {
  kit = await startStripeTestKit();
});
afterAll(async () => {
  await kit.stop();
});

async function paid(amount: number, paymentMethod = 'pm_card_bypassPending'): Promise<Stripe.PaymentIntent> {
  return kit.stripe.paymentIntents.create({ amount, currency: 'usd', payment_method: paymentMethod, confirm: true });
}

async function platformAvailable(): Promise<number> {
  return (await kit.stripe.balance.retrieve()).available.find((entry) => entry.currency === 'usd')?.amount ?? 0;
}

describe('Refunds', () => {
  it('refunds part of a payment, then the rest; refund.created and charge.refunded; never more than was paid', async () => {
    const intent = await paid(10_000);
    const before = await platformAvailable();
    const partial = await kit.stripe.refunds.create({ payment_intent: intent.id, amount: 3000, metadata: { refundRequestId: 'r1' } });
    expect(partial).toMatchObject({ object: 'refund', amount: 3000, status: 'succeeded', payment_intent: intent.id, charge: intent.latest_charge });
    expect(partial.id).toMatch(/^re_/);
    expect(await kit.stripe.charges.retrieve(idOf(intent.latest_charge))).toMatchObject({ amount_refunded: 3000, refunded: false });
    expect(await platformAvailable()).toBe(before - 3000);
    expect((await kit.delivered('refund.created', { objectId: partial.id })).data.object).toMatchObject({ metadata: { refundRequestId: 'r1' } });
    const refundedEvent = await kit.delivered('charge.refunded', { objectId: idOf(intent.latest_charge) });
    expect(refundedEvent.data.object).toMatchObject({ amount_refunded: 3000 });

    await expect(kit.stripe.refunds.create({ payment_intent: intent.id, amount: 7001 })).rejects.toMatchObject({ code: 'amount_too_large', param: 'amount' });
    const rest = await kit.stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(7000);
    expect(await kit.stripe.charges.retrieve(idOf(intent.latest_charge))).toMatchObject({ amount_refunded: 10_000, refunded: true });
    await expect(kit.stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({ code: 'charge_already_refunded' });
    const listed = await kit.stripe.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((refund) => refund.id)).toEqual([rest.id, partial.id]);
  });

  it('a refund failed through the test route returns the money (refund.updated, refund.failed)', async () => {
    const intent = await paid(2000);
    const refund = await kit.stripe.refunds.create({ payment_intent: intent.id });
    const before = await platformAvailable();
    const failed = await kit.testRoute<Stripe.Refund>(`/_test/refunds/${refund.id}/fail`, {});
    expect(failed.body).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect(await platformAvailable()).toBe(before + 2000);
    expect(await kit.stripe.charges.retrieve(idOf(intent.latest_charge))).toMatchObject({ amount_refunded: 0, refunded: false });
    const updated = await kit.delivered('refund.updated', { objectId: refund.id });
    expect(updated.data.previous_attributes).toMatchObject({ status: 'succeeded' });
  });

  it('refuses a refund of a payment that did not succeed', async () => {
    const intent = await kit.stripe.paymentIntents.create({ amount: 500, currency: 'usd' });
    await expect(kit.stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({ code: 'charge_not_refundable' });
  });
});

describe('Disputes', () => {
  it('opens through the test route (created, funds_withdrawn) and closes won (funds_reinstated, closed)', async () => {
    const intent = await paid(8000);
    const before = await platformAvailable();
    const opened = await kit.testRoute<Stripe.Dispute>('/_test/disputes', { payment_intent: intent.id, amount: 5000 });
    expect(opened.body).toMatchObject({ object: 'dispute', amount: 5000, status: 'needs_response', payment_intent: intent.id, charge: intent.latest_charge });
    expect(opened.body.id).toMatch(/^dp_/);
    expect(await platformAvailable()).toBe(before - 5000);
    expect((await kit.stripe.charges.retrieve(idOf(intent.latest_charge))).disputed).toBe(true);
    await kit.delivered('charge.dispute.created', { objectId: opened.body.id });
    await kit.delivered('charge.dispute.funds_withdrawn', { objectId: opened.body.id });
    await expect(kit.stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({ code: 'charge_disputed' });

    const won = await kit.testRoute<Stripe.Dispute>(`/_test/disputes/${opened.body.id}/close`, { status: 'won' });
    expect(won.body.status).toBe('won');
    expect(await platformAvailable()).toBe(before);
    await kit.delivered('charge.dispute.funds_reinstated', { objectId: opened.body.id });
    const closed = await kit.delivered('charge.dispute.closed', { objectId: opened.body.id });
    expect(closed.data.object).toMatchObject({ status: 'won' });
    expect((await kit.stripe.disputes.retrieve(opened.body.id)).status).toBe('won');
    const again = await kit.testRoute(`/_test/disputes/${opened.body.id}/close`, { status: 'lost' });
    expect(again.status).toBe(400);
  });

  it('closes lost: the money stays withdrawn', async () => {
    const intent = await paid(4000);
    const before = await platformAvailable();
    const opened = await kit.testRoute<Stripe.Dispute>('/_test/disputes', { payment_intent: intent.id });
    expect(opened.body.amount).toBe(4000);
    await kit.testRoute(`/_test/disputes/${opened.body.id}/close`, { status: 'lost' });
    expect(await platformAvailable()).toBe(before - 4000);
    const closed = await kit.delivered('charge.dispute.closed', { objectId: opened.body.id });
    expect(closed.data.object).toMatchObject({ status: 'lost' });
    expect(kit.events().some((event) => event.type === 'charge.dispute.funds_reinstated' && (event.data.object).id === opened.body.id)).toBe(false);
  });

  it('the 0259 card succeeds, then a dispute opens on its own after the payment events', async () => {
    const intent = await paid(3000, 'pm_card_createDispute');
    expect(intent.status).toBe('succeeded');
    const disputes = await kit.stripe.disputes.list({ payment_intent: intent.id });
    expect(disputes.data).toHaveLength(1);
    const events = (await kit.stripe.events.list({ limit: 100 })).data.reverse();
    const succeededAt = events.findIndex((event) => event.type === 'payment_intent.succeeded' && (event.data.object).id === intent.id);
    const disputedAt = events.findIndex((event) => event.type === 'charge.dispute.created' && (event.data.object).payment_intent === intent.id);
    expect(succeededAt).toBeGreaterThanOrEqual(0);
    expect(disputedAt).toBeGreaterThan(succeededAt);
  });
});
