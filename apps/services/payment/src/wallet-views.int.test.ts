import { randomUUID } from 'node:crypto';
import {
  errorOf,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveCampaignBudget } from './money/campaign-budget';
import { creditDeposit } from './money/deposits';
import { holdRefund, voidRefund } from './money/refunds';
import type { PaymentHarness } from './testing/payment-harness';
import { startPaymentHarness } from './testing/payment-harness';

const HOUR_MS = 3_600_000;
const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: PaymentHarness;
let brand: ReturnType<PaymentHarness['client']>;
const brandId = cast.brandA.userId;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  brand = harness.client(await issuer.tokenFor(cast.brandA));
  // One movement an hour: five top-ups, a reservation, a refund held then voided, a refund held.
  for (let index = 1; index <= 5; index++) {
    await harness.transaction((tx) =>
      creditDeposit(tx, harness.deps, {
        brandId,
        amountCents: index * 1000,
        paymentIntentId: `pi_${index}`,
      }),
    );
    clock.advance(HOUR_MS);
  }
  await harness.transaction((tx) =>
    reserveCampaignBudget(tx, harness.deps, {
      campaignId: randomUUID(),
      brandId,
      budgetCents: 2500,
      pricingModel: 'cpm',
      rateCents: 100,
      perStreamerCapCents: null,
    }),
  );
  clock.advance(HOUR_MS);
  await harness.transaction((tx) =>
    holdRefund(tx, harness.deps, { refundId: 're_void', brandId, amountCents: 400 }),
  );
  await harness.transaction((tx) =>
    voidRefund(tx, harness.deps, { refundId: 're_void', reason: 'declined' }),
  );
  clock.advance(HOUR_MS);
  await harness.transaction((tx) =>
    holdRefund(tx, harness.deps, { refundId: 're_open', brandId, amountCents: 300 }),
  );
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

describe('payment.wallet.transactions', () => {
  it('pages newest first with a cursor until the last page, each movement once', async () => {
    const seen: Array<{ kind: string; amountCents: number; direction: string; pending: boolean }> =
      [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await brand.payment.wallet.transactions.query({ limit: 2, cursor });
      seen.push(
        ...page.items.map(({ kind, amountCents, direction, pending }) => ({
          kind,
          amountCents,
          direction,
          pending,
        })),
      );
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    // The voided refund hold moved nothing and is not listed; the open one is, as pending.
    expect(seen).toEqual([
      { kind: 'refund', amountCents: 300, direction: 'out', pending: true },
      { kind: 'budget_reserve', amountCents: 2500, direction: 'out', pending: false },
      ...[5, 4, 3, 2, 1].map((index) => ({
        kind: 'deposit',
        amountCents: index * 1000,
        direction: 'in',
        pending: false,
      })),
    ]);
  });

  it('filters by kind and by date range', async () => {
    const deposits = await brand.payment.wallet.transactions.query({ kinds: ['deposit'] });
    expect(deposits.items.map((item) => item.amountCents)).toEqual([5000, 4000, 3000, 2000, 1000]);
    const start = new Date(testInstants.newYorkAfternoon);
    const window = await brand.payment.wallet.transactions.query({
      from: new Date(start.getTime() + HOUR_MS),
      to: new Date(start.getTime() + 3 * HOUR_MS),
    });
    expect(window.items.map((item) => item.amountCents)).toEqual([3000, 2000]);
    expect(window.items[0]!.balanceAfterCents).toBe(1000 + 2000 + 3000);
  });

  it('refuses a forged cursor and a range that ends before it starts with a 400', async () => {
    const forged = await brand.payment.wallet.transactions
      .query({ cursor: 'bm90LWEtY3Vyc29y' })
      .then(
        () => undefined,
        (error: unknown) => errorOf(error),
      );
    expect(forged).toMatchObject({ httpStatus: 400, reason: 'invalid_cursor' });
    const backwards = await brand.payment.wallet.transactions
      .query({ from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') })
      .then(
        () => undefined,
        (error: unknown) => errorOf(error),
      );
    expect(backwards?.httpStatus).toBe(400);
  });
});

describe('payment.wallet.summary', () => {
  it('shows available (less the refund on hold), reserved per campaign and spent', async () => {
    expect(await brand.payment.wallet.summary.query()).toMatchObject({
      availableCents: 15_000 - 2500 - 300,
      reservedCents: 2500,
      spentCents: 0,
      campaigns: [expect.objectContaining({ reservedCents: 2500, spentCents: 0, leftCents: 2500 })],
    });
  });
});
