import { randomUUID } from 'node:crypto';
import type { TestPerson } from '@gametriggers/testing';
import { adminWith, errorOf, proceduresOf, runningClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPaidTopUp } from './checkout/top-ups';
import type { PaymentHarness } from './testing/payment-harness';
import { startPaymentHarness } from './testing/payment-harness';

type Client = ReturnType<PaymentHarness['client']>;
const callerNames = ['anonymous', 'brandA', 'brandB', 'streamerA', 'streamerB', 'financeAdmin', 'powerlessAdmin'] as const;
type CallerName = (typeof callerNames)[number];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'PRECONDITION_FAILED';

const clock = runningClock('2026-03-02T10:00:00.000Z');
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
let clients: Record<CallerName, Client>;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  const people: Record<Exclude<CallerName, 'anonymous'>, TestPerson> = {
    brandA: cast.brandA,
    brandB: cast.brandB,
    streamerA: cast.streamerA,
    streamerB: cast.streamerB,
    financeAdmin: adminWith('canViewFinancials'),
    powerlessAdmin: cast.powerlessAdmin,
  };
  clients = { anonymous: harness.client() } as Record<CallerName, Client>;
  for (const [name, person] of Object.entries(people)) clients[name as CallerName] = harness.client(await issuer.tokenFor(person));
  // Brand A has paid one top-up: invoice 1 is its.
  await harness.transaction((tx) =>
    recordPaidTopUp(tx, harness.deps, { brandId: cast.brandA.userId, paymentIntentId: 'pi_auth', amountCents: 5_000, currency: 'USD', source: 'checkout' }),
  );
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const all = (outcome: Outcome): Record<CallerName, Outcome> =>
  Object.fromEntries(callerNames.map((name) => [name, outcome])) as Record<CallerName, Outcome>;
const only = (names: CallerName[], outcome: Outcome = 'ok'): Record<CallerName, Outcome> => ({
  ...all('FORBIDDEN'),
  anonymous: 'UNAUTHORIZED',
  ...Object.fromEntries(names.map((name) => [name, outcome])),
});
const brands = (outcome: Outcome = 'ok') => only(['brandA', 'brandB'], outcome);
const streamers = (outcome: Outcome = 'ok') => only(['streamerA', 'streamerB'], outcome);
const finance = (outcome: Outcome = 'ok') => only(['financeAdmin'], outcome);
const month = { month: '2026-03', format: 'csv' } as const;

const procedures: Record<string, { expected: Record<CallerName, Outcome>; call: (client: Client) => Promise<unknown> }> = {
  'payment.billing.createTopUp': { expected: brands(), call: (c) => c.payment.billing.createTopUp.mutate({ amountCents: 1_000, saveCard: false }) },
  'payment.billing.savedCards': { expected: brands(), call: (c) => c.payment.billing.savedCards.query() },
  'payment.billing.removeSavedCard': {
    expected: brands('NOT_FOUND'),
    call: (c) => c.payment.billing.removeSavedCard.mutate({ paymentMethodId: 'pm_someone_elses' }),
  },
  'payment.billing.autoTopUp': { expected: brands(), call: (c) => c.payment.billing.autoTopUp.query() },
  'payment.billing.setAutoTopUp': {
    expected: brands(),
    call: (c) => c.payment.billing.setAutoTopUp.mutate({ enabled: false, thresholdCents: 1_000, amountCents: 5_000 }),
  },
  'payment.billing.paymentFailures': { expected: brands(), call: (c) => c.payment.billing.paymentFailures.query({}) },
  // More than either brand paid by card: refused for both, after authorization.
  'payment.billing.requestRefund': {
    expected: brands('PRECONDITION_FAILED'),
    call: (c) => c.payment.billing.requestRefund.mutate({ amountCents: 10_000 }),
  },
  'payment.billing.refunds': { expected: brands(), call: (c) => c.payment.billing.refunds.query({}) },
  'payment.billing.invoices': { expected: brands(), call: (c) => c.payment.billing.invoices.query({}) },
  'payment.billing.invoicePdf': {
    expected: { ...brands(), brandB: 'NOT_FOUND' },
    call: (c) => c.payment.billing.invoicePdf.query({ invoiceNumber: 1 }),
  },
  'payment.payouts.account': { expected: streamers(), call: (c) => c.payment.payouts.account.query() },
  'payment.payouts.startOnboarding': { expected: streamers(), call: (c) => c.payment.payouts.startOnboarding.mutate() },
  'payment.withdrawals.request': {
    expected: streamers('PRECONDITION_FAILED'),
    call: (c) => c.payment.withdrawals.request.mutate({ amountCents: 5_000 }),
  },
  'payment.withdrawals.list': { expected: streamers(), call: (c) => c.payment.withdrawals.list.query({}) },
  'payment.withdrawals.limits': { expected: streamers(), call: (c) => c.payment.withdrawals.limits.query() },
  'payment.statements.brand': { expected: brands(), call: (c) => c.payment.statements.brand.query(month) },
  'payment.statements.streamer': { expected: streamers(), call: (c) => c.payment.statements.streamer.query(month) },
  'payment.admin.withdrawals.pending': { expected: finance(), call: (c) => c.payment.admin.withdrawals.pending.query({}) },
  'payment.admin.withdrawals.approve': {
    expected: finance('NOT_FOUND'),
    call: (c) => c.payment.admin.withdrawals.approve.mutate({ withdrawalId: randomUUID() }),
  },
  'payment.admin.withdrawals.reject': {
    expected: finance('NOT_FOUND'),
    call: (c) => c.payment.admin.withdrawals.reject.mutate({ withdrawalId: randomUUID(), reason: 'No' }),
  },
  'payment.admin.reconciliation.run': { expected: finance(), call: (c) => c.payment.admin.reconciliation.run.mutate() },
  'payment.admin.reconciliation.latest': { expected: finance(), call: (c) => c.payment.admin.reconciliation.latest.query() },
};

async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return errorOf(error).code;
  }
}

describe('who may call each Stripe-facing payment procedure', () => {
  // The admins' money tools (wallets, adjustments, freezes, reports) have their own matrix.
  it('lists every procedure of the billing, payouts, withdrawals, statements and admin withdrawal and reconciliation areas', () => {
    const flowAreas = /^payment\.(billing|payouts|withdrawals|statements|admin\.withdrawals|admin\.reconciliation)\./;
    const paths = proceduresOf(harness.service.router).map((procedure) => procedure.path).filter((path) => flowAreas.test(path));
    expect(paths.sort()).toEqual(Object.keys(procedures).sort());
  });

  for (const [name, { expected, call }] of Object.entries(procedures)) {
    it(name, async () => {
      const actual: Record<string, string> = {};
      for (const caller of callerNames) actual[caller] = await outcomeOf(call(clients[caller]));
      expect(actual).toEqual(expected);
    });
  }

  it('gives each brand its own invoices and each streamer their own payout account', async () => {
    expect((await clients.brandA.payment.billing.invoices.query({})).map((invoice) => invoice.paymentIntentId)).toEqual(['pi_auth']);
    expect(await clients.brandB.payment.billing.invoices.query({})).toEqual([]);
    const accountOfA = await harness.db.payoutAccount.findUniqueOrThrow({ where: { streamerId: cast.streamerA.userId } });
    const accountOfB = await harness.db.payoutAccount.findUniqueOrThrow({ where: { streamerId: cast.streamerB.userId } });
    expect(accountOfA.accountId).not.toBe(accountOfB.accountId);
  });
});
