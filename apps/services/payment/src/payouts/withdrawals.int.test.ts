import { randomUUID } from 'node:crypto';
import { adminWith, failure, runningClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import { holdWithdrawal } from '../money/withdrawals';
import { createStripeClient } from '../stripe/stripe-client';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';
import { resendStuckWithdrawals } from './stuck-withdrawals';
import { eventually, fundPlatform, giveAvailableEarnings, onboardStreamer, stripeTestRoute } from '../testing/stripe-flow-helpers';

const clock = runningClock('2026-03-02T10:00:00.000Z');
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
type Client = ReturnType<PaymentHarness['client']>;
let streamerA: Client;
let streamerB: Client;
let finance: Client;
let otherAdmin: Client;
const financeAdmin = adminWith('canViewFinancials');

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    platformConfig: fixedPlatformConfig({
      withdrawalMinimumCents: 1_000,
      withdrawalDailyLimitCents: 300_000,
      withdrawalMonthlyLimitCents: 400_000,
      withdrawalApprovalThresholdCents: 100_000,
    }),
  });
  streamerA = harness.client(await issuer.tokenFor(cast.streamerA));
  streamerB = harness.client(await issuer.tokenFor(cast.streamerB));
  finance = harness.client(await issuer.tokenFor(financeAdmin));
  otherAdmin = harness.client(await issuer.tokenFor(cast.powerlessAdmin));
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const available = async (streamerId: string) =>
  Number((await harness.transaction((tx) => balanceOf(tx, accounts.streamerAvailable(streamerId).code))).available);
const inTransit = async () => Number((await harness.transaction((tx) => balanceOf(tx, accounts.payoutsInTransit().code))).posted);
const withdrawalRows = () => harness.db.withdrawal.count();
const auditedActions = async () =>
  (await harness.db.outboxEvent.findMany({ where: { type: 'admin.action_recorded' }, orderBy: { occurredAt: 'asc' } })).map(
    (event) => event.payload,
  );

describe('withdrawals', () => {
  it('refuses a streamer without a payout account, writing nothing', async () => {
    await giveAvailableEarnings(harness, clock, cast.streamerA.userId, 800_000);
    const refused = await failure(streamerA.payment.withdrawals.request.mutate({ amountCents: 5_000 }));
    expect(refused).toMatchObject({ httpStatus: 412, reason: 'payouts_not_enabled' });
    expect(await withdrawalRows()).toBe(0);
  });

  it('returns the money when the transfer is refused', async () => {
    await onboardStreamer(harness, streamerA);
    const before = await available(cast.streamerA.userId);
    // The platform's Stripe balance is empty: the transfer fails.
    const withdrawal = await streamerA.payment.withdrawals.request.mutate({ amountCents: 5_000 });
    expect(withdrawal).toMatchObject({ status: 'failed', failureReason: 'The transfer to your payout account failed.' });
    expect(await available(cast.streamerA.userId)).toBe(before);
    expect(await inTransit()).toBe(0);
  });

  it('transfers, pays out and settles a withdrawal', async () => {
    await fundPlatform(harness, 1_000_000);
    const before = await available(cast.streamerA.userId);
    const withdrawal = await streamerA.payment.withdrawals.request.mutate({ amountCents: 20_000 });
    expect(withdrawal.status).toBe('in_transit');
    expect(await available(cast.streamerA.userId)).toBe(before - 20_000);
    expect(await inTransit()).toBe(20_000);
    const row = await harness.db.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } });
    const transfer = await harness.deps.stripe.transfers.retrieve(row.transferId!);
    expect(transfer.amount).toBe(20_000);
    // The payout arrives when Stripe's clock passes its arrival date.
    await eventually(async () => (await harness.db.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } })).payoutId, 'the payout');
    await stripeTestRoute(harness.stripe, 'clock/advance', { seconds: 3 * 86_400 });
    await eventually(
      async () => (await streamerA.payment.withdrawals.list.query({ limit: 10 })).find((item) => item.id === withdrawal.id)?.status === 'paid',
      'the payout paid',
    );
    expect(await inTransit()).toBe(0);
    expect(await available(cast.streamerA.userId)).toBe(before - 20_000);
    // Streamer B sees none of it.
    expect(await streamerB.payment.withdrawals.list.query({ limit: 10 })).toEqual([]);
  });

  it('returns the money when the bank refuses the payout', async () => {
    const before = await available(cast.streamerA.userId);
    const withdrawal = await streamerA.payment.withdrawals.request.mutate({ amountCents: 10_000 });
    const row = await eventually(async () => {
      const found = await harness.db.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } });
      return found.payoutId ? found : null;
    }, 'the payout');
    const failed = await stripeTestRoute(harness.stripe, `payouts/${row.payoutId}/fail`, { account: row.accountId });
    expect(failed.status).toBe(200);
    await eventually(
      async () => (await harness.db.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } })).status === 'failed',
      'the failed payout',
    );
    expect(await available(cast.streamerA.userId)).toBe(before);
    expect(await inTransit()).toBe(0);
    const transfer = await harness.deps.stripe.transfers.retrieve(row.transferId!);
    expect(transfer.amount_reversed).toBe(10_000);
  });

  it('holds large withdrawals for an admin with canViewFinancials, and enforces the limits', async () => {
    const below = await failure(streamerA.payment.withdrawals.request.mutate({ amountCents: 999 }));
    expect(below).toMatchObject({ httpStatus: 412, reason: 'below_minimum' });

    const large = await streamerA.payment.withdrawals.request.mutate({ amountCents: 150_000 });
    expect(large.status).toBe('awaiting_approval');
    const other = await streamerA.payment.withdrawals.request.mutate({ amountCents: 110_000 });
    expect(other.status).toBe('awaiting_approval');
    // Today: 20 000 paid + 150 000 + 110 000 waiting = 280 000 of 300 000 (failed ones do not count).
    expect(await streamerA.payment.withdrawals.limits.query()).toMatchObject({ usedTodayCents: 280_000, leftTodayCents: 20_000 });
    const overDaily = await failure(streamerA.payment.withdrawals.request.mutate({ amountCents: 30_000 }));
    expect(overDaily).toMatchObject({ httpStatus: 412, reason: 'daily_limit' });

    expect(await failure(otherAdmin.payment.admin.withdrawals.approve.mutate({ withdrawalId: large.id }))).toMatchObject({ httpStatus: 403 });
    const pending = await finance.payment.admin.withdrawals.pending.query({ limit: 10 });
    expect(pending.map((item) => item.id).sort()).toEqual([large.id, other.id].sort());

    const before = await available(cast.streamerA.userId);
    const approved = await finance.payment.admin.withdrawals.approve.mutate({ withdrawalId: large.id });
    expect(approved.status).toBe('in_transit');
    const rejected = await finance.payment.admin.withdrawals.reject.mutate({ withdrawalId: other.id, reason: 'Looks unusual' });
    expect(rejected).toMatchObject({ status: 'rejected', failureReason: 'Looks unusual' });
    expect(await available(cast.streamerA.userId)).toBe(before + 110_000);
    const again = await failure(finance.payment.admin.withdrawals.approve.mutate({ withdrawalId: other.id }));
    expect(again).toMatchObject({ httpStatus: 409, reason: 'withdrawal_already_decided' });
    // Each decision is audited once, with the change (the refused second decision is not).
    expect(await auditedActions()).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ adminId: financeAdmin.userId }) as unknown,
        permission: 'canViewFinancials',
        action: 'payment.withdrawal.approve',
        subject: { type: 'withdrawal', id: large.id },
        after: { status: 'transferring', streamerId: cast.streamerA.userId, amountCents: 150_000 },
      }),
      expect.objectContaining({
        action: 'payment.withdrawal.reject',
        subject: { type: 'withdrawal', id: other.id },
        reason: 'Looks unusual',
      }),
    ]);

    // The month: 20 000 + 150 000 paid or in transit; next day the daily limit resets but the monthly one stays.
    clock.advance(86_400_000);
    expect(await streamerA.payment.withdrawals.limits.query()).toMatchObject({ leftTodayCents: 300_000, leftThisMonthCents: 230_000 });
  });

  it('sends a withdrawal again that was held but never transferred', async () => {
    const before = await available(cast.streamerA.userId);
    const account = await harness.db.payoutAccount.findUniqueOrThrow({ where: { streamerId: cast.streamerA.userId } });
    const withdrawalId = randomUUID();
    // As if the process stopped between the hold and the transfer.
    await harness.transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "withdrawals" ("id", "streamerId", "amountCents", "status", "accountId", "requestedAt") VALUES ($1, $2, 4000, 'transferring', $3, $4)`,
        withdrawalId,
        cast.streamerA.userId,
        account.accountId,
        clock.now(),
      );
      await holdWithdrawal(tx, harness.deps, { withdrawalId, streamerId: cast.streamerA.userId, amountCents: 4_000 });
    });
    expect(await resendStuckWithdrawals(harness.deps)).toBe(0);
    clock.advance(61_000);
    expect(await resendStuckWithdrawals(harness.deps)).toBe(1);
    const row = await harness.db.withdrawal.findUniqueOrThrow({ where: { id: withdrawalId } });
    expect(row.status).toBe('in_transit');
    expect((await harness.deps.stripe.transfers.retrieve(row.transferId!)).amount).toBe(4_000);
    expect(await available(cast.streamerA.userId)).toBe(before - 4_000);
    expect(await resendStuckWithdrawals(harness.deps)).toBe(0);
  });

  it('keeps a withdrawal Stripe did not answer for, and sends it later under the same key', async () => {
    const before = await available(cast.streamerA.userId);
    const reachable = harness.deps.stripe;
    harness.deps.stripe = createStripeClient({ STRIPE_SECRET_KEY: harness.stripe.secretKey, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: 9, STRIPE_API_PROTOCOL: 'http' });
    let withdrawal;
    try {
      withdrawal = await streamerA.payment.withdrawals.request.mutate({ amountCents: 3_000 });
    } finally {
      harness.deps.stripe = reachable;
    }
    expect(withdrawal.status).toBe('transferring');
    expect(await available(cast.streamerA.userId)).toBe(before - 3_000);
    clock.advance(61_000);
    await resendStuckWithdrawals(harness.deps);
    const row = await harness.db.withdrawal.findUniqueOrThrow({ where: { id: withdrawal.id } });
    expect(row).toMatchObject({ status: 'in_transit' });
    expect(row.payoutId).toMatch(/^po_/);
  });

  it('refuses more than the available earnings and bad amounts, writing nothing', async () => {
    const rows = await withdrawalRows();
    const short = await failure(streamerB.payment.withdrawals.request.mutate({ amountCents: 5_000 }));
    expect(short.httpStatus).toBe(412);
    for (const amountCents of [-1, 0, 10.5, 1e12, Number.NaN, '5000' as unknown as number]) {
      expect((await failure(streamerA.payment.withdrawals.request.mutate({ amountCents }))).httpStatus, String(amountCents)).toBe(400);
    }
    const foreign = await failure(finance.payment.admin.withdrawals.approve.mutate({ withdrawalId: '00000000-0000-4000-8000-000000000000' }));
    expect(foreign.httpStatus).toBe(404);
    expect(await withdrawalRows()).toBe(rows);
  });
});
