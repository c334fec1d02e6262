import { adminWith, failure, runningClock, scrapeMetric, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';
import { eventually, payCheckout, stripeTestRoute, TEST_CARD } from '../testing/stripe-flow-helpers';

const clock = runningClock('2026-03-02T10:00:00.000Z');
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
type Client = ReturnType<PaymentHarness['client']>;
let brandA: Client;
let finance: Client;
const financeAdmin = adminWith('canViewFinancials');

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  brandA = harness.client(await issuer.tokenFor(cast.brandA));
  finance = harness.client(await issuer.tokenFor(financeAdmin));
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const differenceEvents = () => harness.db.outboxEvent.count({ where: { type: 'payment.reconciliation_differences' } });

describe('reconciliation', () => {
  it('finds nothing when the ledger and Stripe agree', async () => {
    const { url } = await brandA.payment.billing.createTopUp.mutate({ amountCents: 7_000, saveCard: false });
    const paymentIntentId = (await payCheckout(harness.stripe, url, TEST_CARD.visa)).body.payment_intent!;
    await eventually(async () => (await harness.db.deposit.count({ where: { paymentIntentId } })) === 1, 'the deposit');
    const report = await finance.payment.admin.reconciliation.run.mutate();
    expect(report.differences).toEqual([]);
    expect(report.eventsChecked).toBeGreaterThan(0);
    expect(await differenceEvents()).toBe(0);
    const audited = await harness.db.outboxEvent.findMany({ where: { type: 'admin.action_recorded' } });
    expect(audited.map((event) => event.payload)).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ adminId: financeAdmin.userId }) as unknown,
        permission: 'canViewFinancials',
        action: 'payment.reconciliation.run',
        subject: { type: 'reconciliation_run', id: report.id },
        after: { eventsChecked: report.eventsChecked, differenceCount: 0 },
      }),
    ]);
  });

  it('reports a payment Stripe took that the ledger never saw, until the ledger catches up', async () => {
    await stripeTestRoute(harness.stripe, 'webhooks/pause');
    const customer = (await harness.db.stripeCustomer.findUniqueOrThrow({ where: { brandId: cast.brandA.userId } })).customerId;
    const unseen = await harness.deps.stripe.paymentIntents.create(
      { amount: 3_300, currency: 'usd', customer, payment_method: 'pm_card_visa', confirm: true, metadata: { brandId: cast.brandA.userId } },
      { idempotencyKey: 'reconciliation-test-unseen' },
    );
    const report = await finance.payment.admin.reconciliation.run.mutate();
    expect(report.differences).toEqual([
      { kind: 'payment_missing_in_ledger', paymentIntentId: unseen.id, stripeCents: 3_300 },
      { kind: 'balance_differs', stripeCents: 10_300, ledgerCents: 7_000 },
    ]);
    expect(await differenceEvents()).toBe(1);
    expect(await finance.payment.admin.reconciliation.latest.query()).toMatchObject({ id: report.id, differences: report.differences });
    // Served for the ReconciliationDifferences alert.
    expect(await scrapeMetric(harness.url, 'gametriggers_reconciliation_differences')).toBe(2);

    await stripeTestRoute(harness.stripe, 'webhooks/resume', { order: 'fifo' });
    await eventually(async () => (await harness.db.deposit.count({ where: { paymentIntentId: unseen.id } })) === 1, 'the late deposit');
    expect((await finance.payment.admin.reconciliation.run.mutate()).differences).toEqual([]);
    expect(await scrapeMetric(harness.url, 'gametriggers_reconciliation_differences')).toBe(0);
  });

  it('reports a tampered deposit amount', async () => {
    const deposit = await harness.db.deposit.findFirstOrThrow({ orderBy: { invoiceNumber: 'asc' } });
    await harness.db.$executeRawUnsafe(`UPDATE "deposits" SET "amountCents" = 6000 WHERE "paymentIntentId" = $1`, deposit.paymentIntentId);
    const report = await finance.payment.admin.reconciliation.run.mutate();
    expect(report.differences).toEqual([
      { kind: 'payment_amount_differs', paymentIntentId: deposit.paymentIntentId, stripeCents: 7_000, ledgerCents: 6_000 },
    ]);
  });

  it('is for admins with canViewFinancials only', async () => {
    const powerless = harness.client(await issuer.tokenFor(cast.powerlessAdmin));
    expect((await failure(powerless.payment.admin.reconciliation.run.mutate())).httpStatus).toBe(403);
    expect((await failure(brandA.payment.admin.reconciliation.latest.query())).httpStatus).toBe(403);
  });
});
