import { randomUUID } from 'node:crypto';
import { errorOf, runningClock, scrapeMetric, startTestTokenIssuer, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf } from './ledger/balances';
import { accounts } from './ledger/chart-of-accounts';
import { creditDeposit } from './money/deposits';
import type { PaymentHarness } from './testing/payment-harness';
import { startPaymentHarness } from './testing/payment-harness';

const DAY_MS = 86_400_000;
const clock = runningClock(testInstants.newYorkAfternoon);
let issuer: TestTokenIssuer;
let harness: PaymentHarness;
const brandId = randomUUID();

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    earningsMatureEveryMs: 200,
  });
  await harness.transaction((tx) =>
    creditDeposit(tx, harness.deps, {
      brandId,
      amountCents: 100_000,
      paymentIntentId: 'pi_consumers',
    }),
  );
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const available = async (code: string) =>
  (await harness.transaction((tx) => balanceOf(tx, code))).available;
const campaignRef = (campaignId: string) => ({ campaignId, brandId, title: 'Launch week' });
const internal = () => harness.serviceClient('campaign').payment.internal;

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the payment service as the platform drives it', () => {
  it('charges counted hours from events, releases the rest at completion, and matures earnings after the hold', async () => {
    const campaignId = randomUUID();
    const streamerId = randomUUID();
    await internal().reserveCampaignBudget.mutate({
      campaignId,
      brandId,
      budgetCents: 10_000,
      pricingModel: 'cpm',
      rateCents: 400,
      perStreamerCapCents: null,
    });
    const hour = {
      participationId: randomUUID(),
      campaignId,
      streamerId,
      hourStart: '2026-01-14T18:00:00.000Z',
      impressions: 2500,
      clicks: 3,
      revision: 1,
    };
    const counted = () =>
      Promise.all([
        scrapeMetric(harness.url, 'gametriggers_charges_posted_total'),
        scrapeMetric(harness.url, 'gametriggers_charged_cents_total'),
      ]);
    const [chargesBefore, centsBefore] = await counted();
    const first = await harness.sendEvent('analytics.participation_hour_counted', hour);
    // The same delivery again, a re-count, then the older count arriving late.
    await harness.sendEvent('analytics.participation_hour_counted', hour, { id: first });
    await harness.sendEvent('analytics.participation_hour_counted', {
      ...hour,
      impressions: 3000,
      revision: 2,
    });
    await harness.sendEvent('analytics.participation_hour_counted', hour);
    await harness.chargesSettled();
    expect(await internal().campaignBudget.query({ campaignId })).toEqual({
      reservedCents: 10_000,
      spentCents: 1200,
      leftCents: 8800,
    });
    expect(await available(accounts.streamerPending(streamerId).code)).toBe(960n);
    // One charge, or two when the re-count came after the first was charged: 12.00 either way.
    const [chargesAfter, centsAfter] = await counted();
    expect(centsAfter - centsBefore).toBe(1200);
    expect(chargesAfter - chargesBefore).toBeGreaterThanOrEqual(1);
    expect(chargesAfter - chargesBefore).toBeLessThanOrEqual(2);

    await harness.sendEvent('campaign.completed', {
      ...campaignRef(campaignId),
      reason: 'end_date',
    });
    expect(await internal().campaignBudget.query({ campaignId })).toMatchObject({
      spentCents: 1200,
      leftCents: 0,
    });
    expect(await available(accounts.brandWallet(brandId).code)).toBe(100_000n - 1200n);

    clock.advance(3 * DAY_MS);
    await eventually(
      async () => (await available(accounts.streamerAvailable(streamerId).code)) === 960n,
    );
    expect(await available(accounts.streamerPending(streamerId).code)).toBe(0n);
  });

  it('releases a cancelled or rejected campaign’s whole escrow', async () => {
    const [cancelled, rejected] = [randomUUID(), randomUUID()];
    for (const campaignId of [cancelled, rejected]) {
      await internal().reserveCampaignBudget.mutate({
        campaignId,
        brandId,
        budgetCents: 5_000,
        pricingModel: 'cpc',
        rateCents: 50,
        perStreamerCapCents: 1_000,
      });
    }
    const before = await available(accounts.brandWallet(brandId).code);
    await harness.sendEvent('campaign.cancelled', { ...campaignRef(cancelled), by: 'brand' });
    await harness.sendEvent('campaign.rejected', {
      ...campaignRef(rejected),
      rejectedBy: randomUUID(),
      reason: 'Off-brand',
    });
    expect(await available(accounts.brandWallet(brandId).code)).toBe(before + 10_000n);
  });
});

describe('bad input to the budget procedures', () => {
  const valid = () => ({
    campaignId: randomUUID(),
    brandId,
    budgetCents: 1_000,
    pricingModel: 'cpm' as const,
    rateCents: 100,
    perStreamerCapCents: null,
  });

  it.each([
    ['a negative budget', { budgetCents: -1 }],
    ['a zero budget', { budgetCents: 0 }],
    ['a fractional cent', { budgetCents: 10.5 }],
    ['a huge budget', { budgetCents: 1e15 }],
    ['a budget that is not a number', { budgetCents: '1000' }],
    ['a foreign id', { campaignId: 'campaign-1' }],
    ['an unknown pricing model', { pricingModel: 'cpa' }],
  ])('refuses %s with a 400 and writes nothing', async (_, change) => {
    const input = { ...valid(), ...change } as ReturnType<typeof valid>;
    const before = await available(accounts.brandWallet(brandId).code);
    const failure = await internal()
      .reserveCampaignBudget.mutate(input)
      .then(
        () => undefined,
        (error: unknown) => errorOf(error),
      );
    expect(failure?.httpStatus).toBe(400);
    expect(await available(accounts.brandWallet(brandId).code)).toBe(before);
  });

  it('refuses a budget the wallet cannot cover with the amount it is short, and writes nothing', async () => {
    const wallet = await available(accounts.brandWallet(brandId).code);
    const failure = await internal()
      .reserveCampaignBudget.mutate({ ...valid(), budgetCents: Number(wallet) + 1234 })
      .then(
        () => undefined,
        (error: unknown) => errorOf(error),
      );
    expect(failure).toMatchObject({
      httpStatus: 412,
      reason: 'wallet_short',
      message: "The brand's wallet is short by $12.34",
      details: { shortByCents: 1234 },
    });
    expect(await available(accounts.brandWallet(brandId).code)).toBe(wallet);
  });

  it('answers 404 for the budget of a campaign with none reserved', async () => {
    const failure = await internal()
      .campaignBudget.query({ campaignId: randomUUID() })
      .then(
        () => undefined,
        (error: unknown) => errorOf(error),
      );
    expect(failure).toMatchObject({ httpStatus: 404, reason: 'budget_not_reserved' });
  });
});
