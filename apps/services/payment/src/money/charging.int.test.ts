import { randomUUID } from 'node:crypto';
import { fixedClock, testInstants } from '@gametriggers/testing';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, platformFeesBalance } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import { checkLedger } from '../ledger/ledger-check';
import type { LedgerTestDatabase } from '../testing/ledger-database';
import { createLedgerTestDatabase } from '../testing/ledger-database';
import { adjustCampaignBudget, campaignBudget, reserveCampaignBudget } from './campaign-budget';
import { releaseCampaignEscrow } from './campaign-settlement';
import type { CountedHour } from './charging';
import { chargeParticipationHours } from './charging';
import { chargeQueuedHours, queueCountedHour } from './counted-hours-inbox';
import { creditDeposit } from './deposits';
import { matureEarnings } from './earnings';
import type { MoneyContext } from './money-context';

let ledger: LedgerTestDatabase;
const clock = fixedClock(testInstants.newYorkAfternoon);
const context: MoneyContext = { now: clock.now, platformConfig: fixedPlatformConfig() };
const DAY_MS = 86_400_000;

beforeAll(async () => {
  ledger = await createLedgerTestDatabase('payment-charging');
});
afterAll(async () => {
  await ledger.drop();
});

const available = async (code: string) =>
  (await ledger.read((tx) => balanceOf(tx, code))).available;

async function liveCampaign(terms: {
  pricingModel: 'cpm' | 'cpc' | 'fixed';
  rateCents: number;
  budgetCents: number;
  perStreamerCapCents?: number | null;
  walletCents?: number;
}) {
  const brandId = randomUUID();
  const campaignId = randomUUID();
  await ledger.transaction((tx) =>
    creditDeposit(tx, context, {
      brandId,
      amountCents: terms.walletCents ?? terms.budgetCents,
      paymentIntentId: `pi_${randomUUID()}`,
    }),
  );
  await ledger.transaction((tx) =>
    reserveCampaignBudget(tx, context, {
      campaignId,
      brandId,
      budgetCents: terms.budgetCents,
      pricingModel: terms.pricingModel,
      rateCents: terms.rateCents,
      perStreamerCapCents: terms.perStreamerCapCents ?? null,
    }),
  );
  const hour = (options: {
    streamerId: string;
    participationId?: string;
    hourStart?: string;
    impressions?: number;
    clicks?: number;
    revision?: number;
  }): CountedHour => ({
    participationId: options.participationId ?? randomUUID(),
    campaignId,
    streamerId: options.streamerId,
    hourStart: options.hourStart ?? '2026-01-14T18:00:00.000Z',
    impressions: options.impressions ?? 0,
    clicks: options.clicks ?? 0,
    revision: options.revision ?? 1,
  });
  return { brandId, campaignId, hour };
}

const charge = (...hours: CountedHour[]) =>
  ledger.transaction((tx) => chargeParticipationHours(tx, context, hours));
const budgetOf = (campaignId: string) => ledger.read((tx) => campaignBudget(tx, campaignId));

describe('charging counted hours', () => {
  it('charges CPM per hour and splits it into earnings and fee to the cent', async () => {
    const { campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 250,
      budgetCents: 10_000,
    });
    const streamerId = randomUUID();
    const feesBefore = await ledger.read((tx) => platformFeesBalance(tx));
    expect(await charge(hour({ streamerId, impressions: 1000 }))).toEqual([
      { status: 'applied', chargedCents: 250, cappedCents: 0 },
    ]);
    expect(await available(accounts.streamerPending(streamerId).code)).toBe(200n);
    expect((await ledger.read((tx) => platformFeesBalance(tx))) - feesBefore).toBe(50n);
    expect(await budgetOf(campaignId)).toEqual({
      reservedCents: 10_000,
      spentCents: 250,
      leftCents: 9_750,
    });
  });

  it('charges only the difference for a re-count, and nothing for a replay or an older revision', async () => {
    const { campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 250,
      budgetCents: 10_000,
    });
    const streamerId = randomUUID();
    const first = hour({ streamerId, impressions: 1000, revision: 1 });
    await charge(first);
    const recount = { ...first, impressions: 1500, revision: 2 };
    expect(await charge(recount)).toEqual([
      { status: 'applied', chargedCents: 125, cappedCents: 0 },
    ]);
    expect(await charge(recount)).toEqual([{ status: 'stale' }]);
    expect(await charge(first)).toEqual([{ status: 'stale' }]);
    expect((await budgetOf(campaignId)).spentCents).toBe(375);
    // A downward re-count charges nothing back: spend never decreases.
    expect(await charge({ ...first, impressions: 10, revision: 3 })).toEqual([
      { status: 'applied', chargedCents: 0, cappedCents: 0 },
    ]);
    expect((await budgetOf(campaignId)).spentCents).toBe(375);
  });

  it('rounds CPM on the hour total, so small re-counts add up exactly', async () => {
    const { campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 3,
      budgetCents: 10_000,
    });
    const first = hour({ streamerId: randomUUID(), impressions: 333 });
    expect(await charge(first)).toEqual([{ status: 'applied', chargedCents: 0, cappedCents: 0 }]);
    expect(await charge({ ...first, impressions: 334, revision: 2 })).toEqual([
      { status: 'applied', chargedCents: 1, cappedCents: 0 },
    ]);
    expect(await charge({ ...first, impressions: 667, revision: 3 })).toEqual([
      { status: 'applied', chargedCents: 1, cappedCents: 0 },
    ]);
    expect((await budgetOf(campaignId)).spentCents).toBe(2);
  });

  it('charges CPC per click and fixed-fee campaigns nothing per hour', async () => {
    const cpc = await liveCampaign({ pricingModel: 'cpc', rateCents: 40, budgetCents: 10_000 });
    expect(
      await charge(cpc.hour({ streamerId: randomUUID(), impressions: 5000, clicks: 7 })),
    ).toEqual([{ status: 'applied', chargedCents: 280, cappedCents: 0 }]);
    const fixed = await liveCampaign({ pricingModel: 'fixed', rateCents: 5000, budgetCents: 5000 });
    expect(
      await charge(fixed.hour({ streamerId: randomUUID(), impressions: 5000, clicks: 7 })),
    ).toEqual([{ status: 'applied', chargedCents: 0, cappedCents: 0 }]);
  });

  it('caps at the escrow left, and reports the campaign spent', async () => {
    const { campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 1000,
      budgetCents: 300,
    });
    const streamerId = randomUUID();
    expect(await charge(hour({ streamerId, impressions: 1000 }))).toEqual([
      { status: 'applied', chargedCents: 300, cappedCents: 700 },
    ]);
    expect(await charge(hour({ streamerId, impressions: 1000 }))).toEqual([
      { status: 'applied', chargedCents: 0, cappedCents: 1000 },
    ]);
    expect(await budgetOf(campaignId)).toEqual({
      reservedCents: 300,
      spentCents: 300,
      leftCents: 0,
    });
    const { rows } = await ledger.raw(
      `SELECT "payload" FROM "outbox_events" WHERE "type" = 'payment.campaign_charged' AND "payload"->>'campaignId' = $1`,
      campaignId,
    );
    expect(
      rows.map((row: { payload: { spentCents: number; remainingCents: number } }) => row.payload),
    ).toEqual([expect.objectContaining({ spentCents: 300, remainingCents: 0 })]);
  });

  it('caps each streamer at the per-streamer cap, across hours', async () => {
    const { hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 1000,
      budgetCents: 10_000,
      perStreamerCapCents: 1500,
    });
    const capped = randomUUID();
    const other = randomUUID();
    expect(
      await charge(
        hour({ streamerId: capped, impressions: 1000 }),
        hour({ streamerId: capped, impressions: 1000, hourStart: '2026-01-14T19:00:00.000Z' }),
        hour({ streamerId: other, impressions: 1000 }),
      ),
    ).toEqual([
      { status: 'applied', chargedCents: 1000, cappedCents: 0 },
      { status: 'applied', chargedCents: 500, cappedCents: 500 },
      { status: 'applied', chargedCents: 1000, cappedCents: 0 },
    ]);
  });

  it('applies the newest of several revisions of one hour in one batch once', async () => {
    const { campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 1000,
      budgetCents: 10_000,
    });
    const first = hour({ streamerId: randomUUID(), impressions: 1000 });
    const outcomes = await charge(
      first,
      { ...first, revision: 3, impressions: 3000 },
      { ...first, revision: 2, impressions: 2000 },
      first,
    );
    expect(outcomes).toEqual([
      { status: 'applied', chargedCents: 1000, cappedCents: 0 },
      { status: 'applied', chargedCents: 2000, cappedCents: 0 },
      { status: 'stale' },
      { status: 'stale' },
    ]);
    expect((await budgetOf(campaignId)).spentCents).toBe(3000);
  });

  it('records hours of a campaign with no reservation without charging', async () => {
    const streamerId = randomUUID();
    const outcome = await charge({
      participationId: randomUUID(),
      campaignId: randomUUID(),
      streamerId,
      hourStart: '2026-01-14T18:00:00.000Z',
      impressions: 100,
      clicks: 1,
      revision: 1,
    });
    expect(outcome).toEqual([{ status: 'applied', chargedCents: 0, cappedCents: 0 }]);
    expect(await available(accounts.streamerPending(streamerId).code)).toBe(0n);
  });
});

describe('reservations', () => {
  it('refuses a budget the wallet cannot cover, saying by how much', async () => {
    const brandId = randomUUID();
    await ledger.transaction((tx) =>
      creditDeposit(tx, context, {
        brandId,
        amountCents: 1000,
        paymentIntentId: `pi_${randomUUID()}`,
      }),
    );
    const reserve = ledger.transaction((tx) =>
      reserveCampaignBudget(tx, context, {
        campaignId: randomUUID(),
        brandId,
        budgetCents: 1250,
        pricingModel: 'cpm',
        rateCents: 100,
        perStreamerCapCents: null,
      }),
    );
    await expect(reserve).rejects.toMatchObject({
      kind: 'precondition_failed',
      reason: 'wallet_short',
      message: "The brand's wallet is short by $2.50",
      details: { shortByCents: 250 },
    });
    expect(await available(accounts.brandWallet(brandId).code)).toBe(1000n);
  });

  it('reserves once per campaign, and adjusts by the difference both ways', async () => {
    const { brandId, campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 1000,
      budgetCents: 2000,
      walletCents: 5000,
    });
    const again = await ledger.transaction((tx) =>
      reserveCampaignBudget(tx, context, {
        campaignId,
        brandId,
        budgetCents: 2000,
        pricingModel: 'cpm',
        rateCents: 1000,
        perStreamerCapCents: null,
      }),
    );
    expect(again).toEqual({ reservedCents: 2000 });
    expect(await available(accounts.brandWallet(brandId).code)).toBe(3000n);

    await ledger.transaction((tx) =>
      adjustCampaignBudget(tx, context, { campaignId, budgetCents: 4500 }),
    );
    expect(await available(accounts.brandWallet(brandId).code)).toBe(500n);
    await expect(
      ledger.transaction((tx) =>
        adjustCampaignBudget(tx, context, { campaignId, budgetCents: 6000 }),
      ),
    ).rejects.toMatchObject({
      reason: 'wallet_short',
      details: { shortByCents: 1000 },
    });
    await charge(hour({ streamerId: randomUUID(), impressions: 1000 }));
    await expect(
      ledger.transaction((tx) =>
        adjustCampaignBudget(tx, context, { campaignId, budgetCents: 900 }),
      ),
    ).rejects.toMatchObject({
      reason: 'budget_below_spent',
    });
    await ledger.transaction((tx) =>
      adjustCampaignBudget(tx, context, { campaignId, budgetCents: 1500 }),
    );
    expect(await available(accounts.brandWallet(brandId).code)).toBe(3500n);
    expect(await budgetOf(campaignId)).toEqual({
      reservedCents: 1500,
      spentCents: 1000,
      leftCents: 500,
    });
  });
});

describe('the end of a campaign', () => {
  it('releases the unspent escrow to the wallet once; later hours find nothing to charge', async () => {
    const { brandId, campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 1000,
      budgetCents: 3000,
    });
    await charge(hour({ streamerId: randomUUID(), impressions: 1000 }));
    const release = () =>
      ledger.transaction((tx) =>
        releaseCampaignEscrow(tx, context, { campaignId, reason: 'cancelled' }),
      );
    expect(await release()).toEqual({ releasedCents: 2000 });
    expect(await release()).toEqual({ releasedCents: 0 });
    expect(await available(accounts.brandWallet(brandId).code)).toBe(2000n);
    expect(await charge(hour({ streamerId: randomUUID(), impressions: 1000 }))).toEqual([
      { status: 'applied', chargedCents: 0, cappedCents: 1000 },
    ]);
  });

  it('charges the hours still queued for the campaign before releasing what is left', async () => {
    const { brandId, campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 1000,
      budgetCents: 3000,
    });
    const streamerId = randomUUID();
    await ledger.transaction((tx) =>
      queueCountedHour(tx, context, hour({ streamerId, impressions: 1000 })),
    );
    expect(
      await ledger.transaction((tx) =>
        releaseCampaignEscrow(tx, context, { campaignId, reason: 'completed' }),
      ),
    ).toEqual({
      releasedCents: 2000,
    });
    expect(await available(accounts.streamerPending(streamerId).code)).toBe(800n);
    expect(await available(accounts.brandWallet(brandId).code)).toBe(2000n);
    expect(await ledger.transaction((tx) => chargeQueuedHours(tx, context, 100))).toEqual([]);
  });

  it('shares a fixed pot by impressions, largest remainder, fee split per share', async () => {
    const { brandId, campaignId, hour } = await liveCampaign({
      pricingModel: 'fixed',
      rateCents: 1000,
      budgetCents: 1000,
    });
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()].sort();
    await charge(
      hour({ streamerId: a!, impressions: 1 }),
      hour({ streamerId: b!, impressions: 1 }),
      hour({ streamerId: c!, impressions: 1 }),
    );
    await ledger.transaction((tx) =>
      releaseCampaignEscrow(tx, context, { campaignId, reason: 'completed' }),
    );
    // 1000 / 3 = 333 r1 each: the first in order gets the extra cent. Earnings are 80 % of each share.
    expect(await available(accounts.streamerPending(a!).code)).toBe(268n); // 334 − floor(334 × 0.2) = 334 − 66
    expect(await available(accounts.streamerPending(b!).code)).toBe(267n); // 333 − 66
    expect(await available(accounts.streamerPending(c!).code)).toBe(267n);
    expect(await available(accounts.brandWallet(brandId).code)).toBe(0n);
    expect(await budgetOf(campaignId)).toEqual({
      reservedCents: 1000,
      spentCents: 1000,
      leftCents: 0,
    });
  });
});

describe('the queue of counted hours', () => {
  it('charges queued hours oldest first, a batch at a time, each once', async () => {
    const { campaignId, hour } = await liveCampaign({
      pricingModel: 'cpm',
      rateCents: 1000,
      budgetCents: 10_000,
    });
    const first = hour({ streamerId: randomUUID(), impressions: 1000 });
    for (const counted of [
      first,
      { ...first, revision: 2, impressions: 1500 },
      first,
      hour({ streamerId: randomUUID(), impressions: 500 }),
    ]) {
      await ledger.transaction((tx) => queueCountedHour(tx, context, counted));
    }
    expect(await ledger.transaction((tx) => chargeQueuedHours(tx, context, 3))).toEqual([
      { status: 'applied', chargedCents: 1000, cappedCents: 0 },
      { status: 'applied', chargedCents: 500, cappedCents: 0 },
      { status: 'stale' },
    ]);
    expect(await ledger.transaction((tx) => chargeQueuedHours(tx, context, 3))).toEqual([
      { status: 'applied', chargedCents: 500, cappedCents: 0 },
    ]);
    expect((await budgetOf(campaignId)).spentCents).toBe(2000);
  });
});

describe('earnings', () => {
  it('become available after the hold, once', async () => {
    const { hour } = await liveCampaign({
      pricingModel: 'cpc',
      rateCents: 100,
      budgetCents: 10_000,
    });
    const streamerId = randomUUID();
    await charge(hour({ streamerId, clicks: 10 }));
    const mature = () => ledger.transaction((tx) => matureEarnings(tx, context));
    clock.advance(3 * DAY_MS - 1);
    await mature();
    expect(await available(accounts.streamerAvailable(streamerId).code)).toBe(0n);
    clock.advance(1);
    expect(await mature()).toBeGreaterThanOrEqual(1);
    expect(await mature()).toBe(0);
    expect(await available(accounts.streamerAvailable(streamerId).code)).toBe(800n);
    expect(await available(accounts.streamerPending(streamerId).code)).toBe(0n);
  });

  it('leave the ledger agreeing with its journal', async () => {
    expect((await ledger.read((tx) => checkLedger(tx))).problems).toEqual([]);
  });
});
