import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeTestKit } from './testing/local-stripe-kit';
import { startStripeTestKit } from './testing/local-stripe-kit';

const DAY = 24 * 60 * 60;

let kit: StripeTestKit;
beforeAll(async () => {
  kit = await startStripeTestKit();
});
afterAll(async () => {
  await kit.stop();
});

async function onboardedAccount(email: string): Promise<Stripe.Account> {
  const account = await kit.stripe.accounts.create({ type: 'express', email, capabilities: { transfers: { requested: true } } });
  const link = await kit.stripe.accountLinks.create({
    account: account.id,
    type: 'account_onboarding',
    refresh_url: 'https://streamer.example/earnings/refresh',
    return_url: 'https://streamer.example/earnings/return',
  });
  const done = await fetch(link.url, { method: 'POST', redirect: 'manual' });
  expect(done.status).toBe(303);
  return kit.stripe.accounts.retrieve(account.id);
}

/** Platform funds: a card payment whose money is available at once (Stripe's 0077 card). */
async function fundPlatform(amount: number): Promise<void> {
  await kit.stripe.paymentIntents.create({ amount, currency: 'usd', payment_method: 'pm_card_bypassPending', confirm: true });
}

function usd(balance: Stripe.Balance, kind: 'available' | 'pending'): number | undefined {
  return balance[kind].find((entry) => entry.currency === 'usd')?.amount;
}

describe('Connect Express accounts', () => {
  it('onboards through the hosted page: payouts enabled, account.updated to the Connect endpoint only, back to return_url', async () => {
    const account = await kit.stripe.accounts.create({ type: 'express', email: 'nina@example.com', metadata: { streamerId: 's1' } });
    expect(account).toMatchObject({ type: 'express', details_submitted: false, charges_enabled: false, payouts_enabled: false });
    expect(account.id).toMatch(/^acct_/);
    const link = await kit.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://streamer.example/earnings/refresh',
      return_url: 'https://streamer.example/earnings/return',
    });
    const page = await fetch(link.url);
    const html = await page.text();
    expect(html).toContain('Complete onboarding');
    expect(html).toContain('nina@example.com');
    const submitted = await fetch(link.url, { method: 'POST', redirect: 'manual' });
    expect(submitted.headers.get('location')).toBe('https://streamer.example/earnings/return');
    const reused = await fetch(link.url, { redirect: 'manual' });
    expect(reused.headers.get('location')).toBe('https://streamer.example/earnings/refresh');

    const updated = await kit.stripe.accounts.retrieve(account.id);
    expect(updated).toMatchObject({ details_submitted: true, charges_enabled: true, payouts_enabled: true, metadata: { streamerId: 's1' } });
    const event = await kit.delivered('account.updated', { path: '/connect', objectId: account.id });
    expect(event.account).toBe(account.id);
    expect(event.data.previous_attributes).toMatchObject({ payouts_enabled: false });
    expect(kit.events('/platform').some((platformEvent) => platformEvent.type === 'account.updated')).toBe(false);
    const own = await kit.stripe.accounts.retrieveCurrent({}, { stripeAccount: account.id });
    expect(own.id).toBe(account.id);
  });

  it('an expired onboarding link sends the visitor to refresh_url', async () => {
    const account = await kit.stripe.accounts.create({ type: 'express' });
    const link = await kit.stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', refresh_url: 'https://x.example/refresh', return_url: 'https://x.example/return' });
    await kit.testRoute('/_test/clock/advance', { seconds: 301 });
    const page = await fetch(link.url, { redirect: 'manual' });
    expect(page.headers.get('location')).toBe('https://x.example/refresh');
  });
});

describe('Transfers, reversals and balances', () => {
  it('refuses a transfer the platform cannot cover (400 balance_insufficient) and to an account not onboarded', async () => {
    const streamer = await onboardedAccount('short@example.com');
    const error = await kit.stripe.transfers.create({ amount: 10_000_000, currency: 'usd', destination: streamer.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    const fresh = await kit.stripe.accounts.create({ type: 'express' });
    await fundPlatform(100);
    await expect(kit.stripe.transfers.create({ amount: 100, currency: 'usd', destination: fresh.id })).rejects.toMatchObject({
      code: 'insufficient_capabilities_for_transfer',
    });
  });

  it('pending payments only become transferable after the clock moves past their availability', async () => {
    const streamer = await onboardedAccount('pending@example.com');
    const before = usd(await kit.stripe.balance.retrieve(), 'available') ?? 0;
    await kit.stripe.paymentIntents.create({ amount: 4000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    await expect(kit.stripe.transfers.create({ amount: before + 4000, currency: 'usd', destination: streamer.id })).rejects.toMatchObject({
      code: 'balance_insufficient',
    });
    await kit.testRoute('/_test/clock/advance', { seconds: 2 * DAY });
    const transfer = await kit.stripe.transfers.create({ amount: before + 4000, currency: 'usd', destination: streamer.id });
    expect(transfer.id).toMatch(/^tr_/);
    expect(usd(await kit.stripe.balance.retrieve(), 'available')).toBe(0);
    expect(usd(await kit.stripe.balance.retrieve({}, { stripeAccount: streamer.id }), 'available')).toBe(before + 4000);
    expect((await kit.delivered('balance.available')).type).toBe('balance.available');
  });

  it('moves platform money to the account, and a reversal brings part of it back (transfer.reversed)', async () => {
    const streamer = await onboardedAccount('luis@example.com');
    await fundPlatform(10_000);
    const transfer = await kit.stripe.transfers.create(
      { amount: 6000, currency: 'usd', destination: streamer.id, metadata: { withdrawalId: 'w1' } },
      { idempotencyKey: 'withdrawal:w1' },
    );
    expect(transfer).toMatchObject({ amount: 6000, destination: streamer.id, amount_reversed: 0, reversed: false });
    expect(usd(await kit.stripe.balance.retrieve(), 'available')).toBe(4000);
    expect(usd(await kit.stripe.balance.retrieve({}, { stripeAccount: streamer.id }), 'available')).toBe(6000);
    expect((await kit.delivered('transfer.created', { objectId: transfer.id })).data.object).toMatchObject({ id: transfer.id, metadata: { withdrawalId: 'w1' } });

    const reversal = await kit.stripe.transfers.createReversal(transfer.id, { amount: 2500 });
    expect(reversal).toMatchObject({ object: 'transfer_reversal', amount: 2500, transfer: transfer.id });
    expect(reversal.id).toMatch(/^trr_/);
    expect(await kit.stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 2500, reversed: false });
    expect(usd(await kit.stripe.balance.retrieve(), 'available')).toBe(6500);
    expect(usd(await kit.stripe.balance.retrieve({}, { stripeAccount: streamer.id }), 'available')).toBe(3500);
    const reversed = await kit.delivered('transfer.reversed', { objectId: transfer.id });
    expect(reversed.data.object).toMatchObject({ id: transfer.id, amount_reversed: 2500 });
    await expect(kit.stripe.transfers.createReversal(transfer.id, { amount: 4000 })).rejects.toMatchObject({ code: 'amount_too_large' });
    await kit.stripe.transfers.createReversal(transfer.id);
    expect(await kit.stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 6000, reversed: true });
    const reversals = await kit.stripe.transfers.listReversals(transfer.id);
    expect(reversals.data.map((entry) => entry.amount)).toEqual([3500, 2500]);
  });
});

describe('Payouts on connected accounts', () => {
  async function fundedAccount(email: string, amount: number): Promise<Stripe.Account> {
    const streamer = await onboardedAccount(email);
    await fundPlatform(amount);
    await kit.stripe.transfers.create({ amount, currency: 'usd', destination: streamer.id });
    return streamer;
  }

  it('pays out with Stripe-Account: payout.created, then payout.paid (Connect, with account) once the clock passes arrival', async () => {
    const streamer = await fundedAccount('kai@example.com', 5000);
    const payout = await kit.stripe.payouts.create({ amount: 5000, currency: 'usd', metadata: { withdrawalId: 'w2' } }, { stripeAccount: streamer.id });
    expect(payout).toMatchObject({ status: 'pending', amount: 5000 });
    expect(payout.id).toMatch(/^po_/);
    expect(usd(await kit.stripe.balance.retrieve({}, { stripeAccount: streamer.id }), 'available')).toBe(0);
    await expect(kit.stripe.payouts.retrieve(payout.id)).rejects.toMatchObject({ code: 'resource_missing' });
    const created = await kit.delivered('payout.created', { path: '/connect', objectId: payout.id });
    expect(created.account).toBe(streamer.id);

    await kit.testRoute('/_test/clock/advance', { seconds: 2 * DAY });
    expect((await kit.stripe.payouts.retrieve(payout.id, {}, { stripeAccount: streamer.id })).status).toBe('paid');
    const paid = await kit.delivered('payout.paid', { path: '/connect', objectId: payout.id });
    expect(paid).toMatchObject({ account: streamer.id, data: { object: { id: payout.id, status: 'paid' } } });
  });

  it('a payout failed through the test route returns the money (payout.failed); a short balance is refused', async () => {
    const streamer = await fundedAccount('sakura@example.com', 3000);
    await expect(kit.stripe.payouts.create({ amount: 3001, currency: 'usd' }, { stripeAccount: streamer.id })).rejects.toMatchObject({
      code: 'balance_insufficient',
    });
    const payout = await kit.stripe.payouts.create({ amount: 3000, currency: 'usd' }, { stripeAccount: streamer.id });
    const failed = await kit.testRoute<Stripe.Payout>(`/_test/payouts/${payout.id}/fail`, { account: streamer.id });
    expect(failed.body).toMatchObject({ status: 'failed', failure_code: 'account_closed' });
    expect(usd(await kit.stripe.balance.retrieve({}, { stripeAccount: streamer.id }), 'available')).toBe(3000);
    const event = await kit.delivered('payout.failed', { path: '/connect', objectId: payout.id });
    expect(event).toMatchObject({ account: streamer.id, data: { object: { id: payout.id, status: 'failed' } } });
    const again = await kit.testRoute(`/_test/payouts/${payout.id}/fail`, { account: streamer.id });
    expect(again.status).toBe(400);
  });

  it('refuses payouts for an account that has not finished onboarding', async () => {
    const fresh = await kit.stripe.accounts.create({ type: 'express' });
    await expect(kit.stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: fresh.id })).rejects.toMatchObject({
      code: 'payouts_not_allowed',
    });
  });
});
