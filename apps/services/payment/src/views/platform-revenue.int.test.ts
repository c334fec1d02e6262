import { randomUUID } from 'node:crypto';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import { fixedClock } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveCampaignBudget } from '../money/campaign-budget';
import { chargeParticipationHours } from '../money/charging';
import { creditDeposit } from '../money/deposits';
import type { MoneyContext } from '../money/money-context';
import type { LedgerTestDatabase } from '../testing/ledger-database';
import { createLedgerTestDatabase } from '../testing/ledger-database';
import { platformRevenue } from './platform-revenue';

let ledger: LedgerTestDatabase;
const clock = fixedClock('2026-03-02T10:00:00Z');
const context: MoneyContext = { now: clock.now, platformConfig: fixedPlatformConfig() };

/** A brand's CPM campaign at $2.50 per thousand, funded and reserved, charged 1,000 impressions now. */
async function chargedCampaign() {
  const brandId = randomUUID();
  const campaignId = randomUUID();
  await ledger.transaction((tx) =>
    creditDeposit(tx, context, {
      brandId,
      amountCents: 10_000,
      paymentIntentId: `pi_${randomUUID()}`,
    }),
  );
  await ledger.transaction((tx) =>
    reserveCampaignBudget(tx, context, {
      campaignId,
      brandId,
      budgetCents: 10_000,
      pricingModel: 'cpm',
      rateCents: 250,
      perStreamerCapCents: null,
    }),
  );
  await ledger.transaction((tx) =>
    chargeParticipationHours(tx, context, [
      {
        participationId: randomUUID(),
        campaignId,
        streamerId: randomUUID(),
        hourStart: new Date(clock.now().getTime() - 3_600_000).toISOString(),
        impressions: 1_000,
        clicks: 0,
        revision: 1,
      },
    ]),
  );
}

beforeAll(async () => {
  ledger = await createLedgerTestDatabase('payment-platform-revenue');
  await chargedCampaign();
  clock.set(new Date('2026-03-04T10:00:00Z'));
  await chargedCampaign();
  await chargedCampaign();
});
afterAll(async () => {
  await ledger.drop();
});

describe('platformRevenue', () => {
  it('sums what campaigns spent and the fee the platform kept, per bucket, ignoring deposits and reservations', async () => {
    const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-10T00:00:00Z') };
    expect(
      await ledger.read((tx) => platformRevenue(tx, { ...range, granularity: 'day' })),
    ).toEqual({
      spendCents: 750,
      feeCents: 150,
      series: [
        { bucketStart: new Date('2026-03-02T00:00:00Z'), spendCents: 250, feeCents: 50 },
        { bucketStart: new Date('2026-03-04T00:00:00Z'), spendCents: 500, feeCents: 100 },
      ],
    });
    expect(
      (await ledger.read((tx) => platformRevenue(tx, { ...range, granularity: 'week' }))).series,
    ).toEqual([{ bucketStart: new Date('2026-03-02T00:00:00Z'), spendCents: 750, feeCents: 150 }]);
  });

  it('leaves out what happened outside the window', async () => {
    const range = { from: new Date('2026-03-03T00:00:00Z'), to: new Date('2026-03-04T00:00:00Z') };
    expect(
      await ledger.read((tx) => platformRevenue(tx, { ...range, granularity: 'day' })),
    ).toEqual({
      spendCents: 0,
      feeCents: 0,
      series: [],
    });
  });
});
