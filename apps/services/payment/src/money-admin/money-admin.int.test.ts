import { randomUUID } from 'node:crypto';
import { adminWith, failure, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../ledger/ledger-check';
import { reserveCampaignBudget } from '../money/campaign-budget';
import { chargeParticipationHours } from '../money/charging';
import { creditDeposit } from '../money/deposits';
import { matureEarnings } from '../money/earnings';
import { holdRefund, postRefund } from '../money/refunds';
import { holdWithdrawal, postWithdrawal, settlePayout } from '../money/withdrawals';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';

// A known ledger (UTC days of January 2026):
//   10th  brand A tops up $500, brand B $100
//   11th  brand A reserves $200 for a CPM campaign ($5 per 1,000)
//   12th  2,000 impressions charged: $10 spent, $2 platform fee, $8 earned by streamer A
//   16th  the $8 matures; streamer A withdraws $5 (paid out); brand B is refunded $30
//   17th  admins credit brand B $15 and debit streamer A $1
const cast = testCast();
const brandA = cast.brandA.userId;
const brandB = cast.brandB.userId;
const streamerA = cast.streamerA.userId;
const campaignOfA = randomUUID();
const clock = fixedClock('2026-01-10T10:00:00Z');
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
let admin: ReturnType<PaymentHarness['client']>;
const financeAdmin = adminWith('canViewFinancials');

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  admin = harness.client(await issuer.tokenFor(financeAdmin));
  const deps = harness.deps;
  await harness.transaction(async (tx) => {
    await creditDeposit(tx, deps, { brandId: brandA, amountCents: 50_000, paymentIntentId: 'pi_a' });
    await creditDeposit(tx, deps, { brandId: brandB, amountCents: 10_000, paymentIntentId: 'pi_b' });
  });
  clock.set('2026-01-11T10:00:00Z');
  await harness.transaction((tx) =>
    reserveCampaignBudget(tx, deps, {
      campaignId: campaignOfA,
      brandId: brandA,
      budgetCents: 20_000,
      pricingModel: 'cpm',
      rateCents: 500,
      perStreamerCapCents: null,
    }),
  );
  clock.set('2026-01-12T10:00:00Z');
  await harness.transaction((tx) =>
    chargeParticipationHours(tx, deps, [
      {
        participationId: randomUUID(),
        campaignId: campaignOfA,
        streamerId: streamerA,
        hourStart: '2026-01-12T09:00:00.000Z',
        impressions: 2000,
        clicks: 0,
        revision: 1,
      },
    ]),
  );
  clock.set('2026-01-16T10:00:00Z');
  const withdrawalId = randomUUID();
  const refundId = randomUUID();
  await harness.transaction(async (tx) => {
    await matureEarnings(tx, deps);
    await holdWithdrawal(tx, deps, { withdrawalId, streamerId: streamerA, amountCents: 500 });
    await postWithdrawal(tx, deps, { withdrawalId });
    await settlePayout(tx, deps, { withdrawalId, streamerId: streamerA, amountCents: 500, outcome: 'paid' });
    await holdRefund(tx, deps, { refundId, brandId: brandB, amountCents: 3_000 });
    await postRefund(tx, deps, { refundId });
  });
  clock.set('2026-01-17T10:00:00Z');
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function adminActions() {
  const events = await harness.db.outboxEvent.findMany({
    where: { type: 'admin.action_recorded' },
    orderBy: { occurredAt: 'asc' },
  });
  return events.map((event) => event.payload as Record<string, unknown>);
}

const adjustment = (overrides: Record<string, unknown>) => ({
  holder: 'brand' as const,
  ownerId: brandB,
  direction: 'credit' as const,
  amountCents: 1_500,
  reason: 'Goodwill credit for the outage on the 15th',
  idempotencyKey: randomUUID(),
  ...overrides,
});

describe('adjustments', () => {
  it('credits a brand wallet with a balanced entry against the platform, audited once per key', async () => {
    const input = adjustment({});
    const first = await admin.payment.admin.adjustments.create.mutate(input);
    expect(first).toMatchObject({ replayed: false, availableCents: 8_500 });
    const again = await admin.payment.admin.adjustments.create.mutate(input);
    expect(again).toMatchObject({ replayed: true, entryId: first.entryId, availableCents: 8_500 });
    const detail = await admin.payment.admin.wallets.get.query({ holder: 'brand', ownerId: brandB });
    expect(detail.availableCents).toBe(8_500);
    expect(detail.recentEntries[0]).toMatchObject({
      kind: 'adjustment',
      direction: 'in',
      amountCents: 1_500,
      balanceAfterCents: 8_500,
      reason: input.reason,
    });
    const audited = (await adminActions()).filter((action) => action.action === 'payment.brand_wallet.credit');
    expect(audited).toEqual([
      expect.objectContaining({
        actor: { adminId: financeAdmin.userId, adminRole: financeAdmin.adminRole ?? null },
        permission: 'canViewFinancials',
        subject: { type: 'brand_wallet', id: brandB },
        before: { availableCents: 7_000 },
        after: { availableCents: 8_500, amountCents: 1_500 },
        reason: input.reason,
      }),
    ]);
  });

  it('refuses the same key with another amount', async () => {
    const input = adjustment({ amountCents: 100 });
    await admin.payment.admin.adjustments.create.mutate(input);
    const refused = await failure(admin.payment.admin.adjustments.create.mutate({ ...input, amountCents: 200 }));
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'exists_with_different_amount' });
    // Taken back, so the known ledger stays as described above.
    await admin.payment.admin.adjustments.create.mutate(adjustment({ direction: 'debit', amountCents: 100 }));
  });

  it("debits a streamer's available earnings, and refuses a debit below zero", async () => {
    const refused = await failure(
      admin.payment.admin.adjustments.create.mutate(
        adjustment({ holder: 'streamer', ownerId: streamerA, direction: 'debit', amountCents: 301 }),
      ),
    );
    expect(refused).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'adjustment_exceeds_balance',
      message: 'The balance is $3.00; a debit cannot take it below zero.',
    });
    const debited = await admin.payment.admin.adjustments.create.mutate(
      adjustment({ holder: 'streamer', ownerId: streamerA, direction: 'debit', amountCents: 100 }),
    );
    expect(debited.availableCents).toBe(200);
    expect(await harness.transaction((tx) => checkLedger(tx))).toMatchObject({ problems: [] });
  });
});

describe('wallets overview', () => {
  it('lists brand wallets with balances, sorted, filtered and paged in the database', async () => {
    const desc = await admin.payment.admin.wallets.list.query({ holder: 'brand' });
    expect(desc.total).toBe(2);
    expect(desc.items.map((item) => [item.ownerId, item.availableCents, item.reservedCents, item.pendingCents])).toEqual([
      [brandA, 30_000, 19_000, 0],
      [brandB, 8_500, 0, 0],
    ]);
    const asc = await admin.payment.admin.wallets.list.query({ holder: 'brand', direction: 'asc' });
    expect(asc.items.map((item) => item.ownerId)).toEqual([brandB, brandA]);
    const byReserved = await admin.payment.admin.wallets.list.query({ holder: 'brand', sort: 'reserved', pageSize: 1, page: 2 });
    expect(byReserved).toMatchObject({ total: 2, page: 2, items: [{ ownerId: brandB }] });
    const searched = await admin.payment.admin.wallets.list.query({ holder: 'brand', search: brandB.slice(0, 8).toUpperCase() });
    expect(searched.items.map((item) => item.ownerId)).toEqual([brandB]);
  });

  it('lists streamer earnings: available, withdrawing and pending', async () => {
    const page = await admin.payment.admin.wallets.list.query({ holder: 'streamer' });
    expect(page.items).toEqual([
      expect.objectContaining({ ownerId: streamerA, availableCents: 200, reservedCents: 0, pendingCents: 0, frozen: false }),
    ]);
    const detail = await admin.payment.admin.wallets.get.query({ holder: 'streamer', ownerId: streamerA });
    expect(detail.recentEntries.map((entry) => [entry.kind, entry.account, entry.direction, entry.amountCents])).toEqual([
      ['adjustment', 'available', 'out', 100],
      ['withdrawal', 'available', 'out', 500],
      ['withdrawal', 'available', 'out', 500],
      ['earnings_mature', 'available', 'in', 800],
      ['earnings_mature', 'pending', 'out', 800],
      ['charge', 'pending', 'in', 800],
    ]);
  });

  it('reads an owner with no money as zeros', async () => {
    const nobody = randomUUID();
    expect(await admin.payment.admin.wallets.get.query({ holder: 'brand', ownerId: nobody })).toMatchObject({
      ownerId: nobody,
      availableCents: 0,
      frozen: false,
      recentEntries: [],
    });
  });
});

describe('financial reports', () => {
  it('sums deposits, spend, fees, payouts, refunds and adjustments per day, with what is owed at each day end', async () => {
    const report = await admin.payment.admin.reports.financial.query({
      from: new Date('2026-01-10T00:00:00Z'),
      to: new Date('2026-01-18T00:00:00Z'),
      granularity: 'day',
    });
    const rows = Object.fromEntries(
      report.periods.map((period) => [
        period.period,
        [
          period.depositsCents,
          period.spendCents,
          period.platformFeesCents,
          period.payoutsCents,
          period.refundsCents,
          period.adjustmentsCents,
          period.brandFundsHeldCents,
          period.streamerEarningsOwedCents,
        ],
      ]),
    );
    expect(rows).toEqual({
      '2026-01-10': [60_000, 0, 0, 0, 0, 0, 60_000, 0],
      '2026-01-11': [0, 0, 0, 0, 0, 0, 60_000, 0],
      '2026-01-12': [0, 1_000, 200, 0, 0, 0, 59_000, 800],
      '2026-01-13': [0, 0, 0, 0, 0, 0, 59_000, 800],
      '2026-01-14': [0, 0, 0, 0, 0, 0, 59_000, 800],
      '2026-01-15': [0, 0, 0, 0, 0, 0, 59_000, 800],
      '2026-01-16': [0, 0, 0, 500, 3_000, 0, 56_000, 300],
      '2026-01-17': [0, 0, 0, 0, 0, 1_400, 57_500, 200],
    });
    expect(report.totals).toEqual({
      depositsCents: 60_000,
      spendCents: 1_000,
      platformFeesCents: 200,
      payoutsCents: 500,
      refundsCents: 3_000,
      adjustmentsCents: 1_400,
      brandFundsHeldCents: 57_500,
      streamerEarningsOwedCents: 200,
    });
  });

  it('starts from what was owed before the range, and groups by month', async () => {
    const fromThe12th = await admin.payment.admin.reports.financial.query({
      from: new Date('2026-01-12T00:00:00Z'),
      to: new Date('2026-01-13T00:00:00Z'),
    });
    expect(fromThe12th.periods).toEqual([
      expect.objectContaining({ period: '2026-01-12', brandFundsHeldCents: 59_000, streamerEarningsOwedCents: 800 }),
    ]);
    const months = await admin.payment.admin.reports.financial.query({
      from: new Date('2025-12-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
      granularity: 'month',
    });
    expect(months.periods.map((period) => [period.period, period.depositsCents, period.brandFundsHeldCents])).toEqual([
      ['2025-12', 0, 0],
      ['2026-01', 60_000, 57_500],
    ]);
  });

  it('downloads the report as CSV', async () => {
    const file = await admin.payment.admin.reports.financialCsv.query({
      from: new Date('2026-01-16T00:00:00Z'),
      to: new Date('2026-01-18T00:00:00Z'),
    });
    expect(file).toMatchObject({ fileName: 'financial-report-day-2026-01-16-to-2026-01-17.csv', contentType: 'text/csv' });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe(
      [
        'Day (UTC),Deposits (USD),Spend (USD),Platform fees (USD),Payouts (USD),Refunds (USD),Adjustments (USD),Brand funds held at end (USD),Streamer earnings owed at end (USD)',
        '2026-01-16,0.00,0.00,0.00,5.00,30.00,0.00,560.00,3.00',
        '2026-01-17,0.00,0.00,0.00,0.00,0.00,14.00,575.00,2.00',
        'Total,0.00,0.00,0.00,5.00,30.00,14.00,575.00,2.00',
        '',
      ].join('\n'),
    );
  });

  it('refuses a range that ends before it starts', async () => {
    const refused = await failure(
      admin.payment.admin.reports.financial.query({ from: new Date('2026-01-12T00:00:00Z'), to: new Date('2026-01-11T00:00:00Z') }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
  });
});

describe('freezes', () => {
  const reason = 'Chargeback investigation #4411';

  it("a frozen brand's wallet reserves no budget and pays no refund until unfrozen", async () => {
    clock.set('2026-01-20T10:00:00Z');
    await admin.payment.admin.freezes.freeze.mutate({ holder: 'brand', ownerId: brandA, reason });
    const listed = await admin.payment.admin.wallets.list.query({ holder: 'brand', frozenOnly: true });
    expect(listed.items).toEqual([expect.objectContaining({ ownerId: brandA, frozen: true, frozenReason: reason })]);

    const campaigns = harness.serviceClient('campaign');
    const campaign = {
      campaignId: randomUUID(),
      brandId: brandA,
      budgetCents: 1_000,
      pricingModel: 'cpm' as const,
      rateCents: 100,
      perStreamerCapCents: null,
    };
    const refused = await failure(campaigns.payment.internal.reserveCampaignBudget.mutate(campaign));
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'wallet_frozen' });
    expect(refused.message).toMatch(/frozen/);
    expect(
      await failure(campaigns.payment.internal.adjustCampaignBudget.mutate({ campaignId: campaignOfA, budgetCents: 25_000 })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'wallet_frozen' });
    await expect(
      harness.transaction((tx) => holdRefund(tx, harness.deps, { refundId: randomUUID(), brandId: brandA, amountCents: 100 })),
    ).rejects.toMatchObject({ reason: 'wallet_frozen' });
    // Lowering a budget gives money back, which a freeze does not stop.
    await campaigns.payment.internal.adjustCampaignBudget.mutate({ campaignId: campaignOfA, budgetCents: 19_000 });

    await admin.payment.admin.freezes.unfreeze.mutate({ holder: 'brand', ownerId: brandA, reason: 'Investigation closed' });
    expect(await campaigns.payment.internal.reserveCampaignBudget.mutate(campaign)).toEqual({ reservedCents: 1_000 });
    const actions = (await adminActions()).filter((action) => String(action.action).startsWith('payment.brand_wallet.'));
    expect(actions.slice(-2)).toEqual([
      expect.objectContaining({ action: 'payment.brand_wallet.freeze', reason, after: { frozen: true } }),
      expect.objectContaining({ action: 'payment.brand_wallet.unfreeze', reason: 'Investigation closed', after: { frozen: false } }),
    ]);
  });

  it("frozen streamer earnings cannot be withdrawn", async () => {
    await admin.payment.admin.freezes.freeze.mutate({ holder: 'streamer', ownerId: streamerA, reason });
    const hold = () =>
      harness.transaction((tx) =>
        holdWithdrawal(tx, harness.deps, { withdrawalId: randomUUID(), streamerId: streamerA, amountCents: 100 }),
      );
    await expect(hold()).rejects.toMatchObject({ kind: 'precondition_failed', reason: 'earnings_frozen' });
    expect((await admin.payment.admin.wallets.get.query({ holder: 'streamer', ownerId: streamerA })).frozen).toBe(true);
    await admin.payment.admin.freezes.unfreeze.mutate({ holder: 'streamer', ownerId: streamerA, reason: 'Cleared' });
    await expect(hold()).resolves.toMatchObject({ replayed: false });
  });

  it('refuses to unfreeze what is not frozen', async () => {
    const refused = await failure(
      admin.payment.admin.freezes.unfreeze.mutate({ holder: 'brand', ownerId: brandB, reason: 'Not needed' }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', reason: 'not_frozen' });
  });
});
