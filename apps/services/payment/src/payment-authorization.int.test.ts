import { randomUUID } from 'node:crypto';
import type { TestPerson } from '@gametriggers/testing';
import {
  adminWith,
  checkAdminAuthorization,
  errorOf,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveCampaignBudget } from './money/campaign-budget';
import { chargeParticipationHours } from './money/charging';
import { creditDeposit } from './money/deposits';
import { createPaymentRouter } from './router';
import type { PaymentHarness } from './testing/payment-harness';
import { startPaymentHarness } from './testing/payment-harness';

type Client = ReturnType<PaymentHarness['client']>;
const callerNames = [
  'anonymous',
  'brandA',
  'brandB',
  'streamerA',
  'streamerB',
  'financeAdmin',
  'powerlessAdmin',
] as const;
type CallerName = (typeof callerNames)[number];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

const clock = fixedClock(testInstants.newYorkAfternoon);
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
let clients: Record<CallerName, Client>;
const cast = testCast();
const campaignOfA = randomUUID();
const adjustedBrand = randomUUID();
const frozenBrand = randomUUID();

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
  for (const [name, person] of Object.entries(people)) {
    clients[name as CallerName] = harness.client(await issuer.tokenFor(person));
  }
  // Brand A funds a campaign that streamer A earns from.
  await harness.transaction(async (tx) => {
    await creditDeposit(tx, harness.deps, {
      brandId: cast.brandA.userId,
      amountCents: 50_000,
      paymentIntentId: 'pi_a',
    });
    await reserveCampaignBudget(tx, harness.deps, {
      campaignId: campaignOfA,
      brandId: cast.brandA.userId,
      budgetCents: 20_000,
      pricingModel: 'cpm',
      rateCents: 500,
      perStreamerCapCents: null,
    });
  });
  await harness.transaction((tx) =>
    chargeParticipationHours(tx, harness.deps, [
      {
        participationId: randomUUID(),
        campaignId: campaignOfA,
        streamerId: cast.streamerA.userId,
        hourStart: '2026-01-14T18:00:00.000Z',
        impressions: 2000,
        clicks: 0,
        revision: 1,
      },
    ]),
  );
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const all = (outcome: Outcome): Record<CallerName, Outcome> =>
  Object.fromEntries(callerNames.map((name) => [name, outcome])) as Record<CallerName, Outcome>;
const brandsOnly: Record<CallerName, Outcome> = {
  ...all('FORBIDDEN'),
  anonymous: 'UNAUTHORIZED',
  brandA: 'ok',
  brandB: 'ok',
};
const streamersOnly: Record<CallerName, Outcome> = {
  ...all('FORBIDDEN'),
  anonymous: 'UNAUTHORIZED',
  streamerA: 'ok',
  streamerB: 'ok',
};
const financeOnly: Record<CallerName, Outcome> = {
  ...all('FORBIDDEN'),
  anonymous: 'UNAUTHORIZED',
  financeAdmin: 'ok',
};
const servicesOnly: Record<CallerName, Outcome> = {
  ...all('FORBIDDEN'),
  anonymous: 'UNAUTHORIZED',
};
const range = { from: new Date('2026-01-10T00:00:00Z'), to: new Date('2026-01-20T00:00:00Z') };

const procedures: Record<
  string,
  { expected: Record<CallerName, Outcome>; call: (client: Client) => Promise<unknown> }
> = {
  'payment.wallet.summary': { expected: brandsOnly, call: (c) => c.payment.wallet.summary.query() },
  'payment.wallet.transactions': {
    expected: brandsOnly,
    call: (c) => c.payment.wallet.transactions.query({}),
  },
  // Brand B asking for brand A's campaign is told it does not exist.
  'payment.wallet.campaignBudget': {
    expected: { ...brandsOnly, brandB: 'NOT_FOUND' },
    call: (c) => c.payment.wallet.campaignBudget.query({ campaignId: campaignOfA }),
  },
  'payment.earnings.summary': {
    expected: streamersOnly,
    call: (c) => c.payment.earnings.summary.query(),
  },
  'payment.earnings.overTime': {
    expected: streamersOnly,
    call: (c) => c.payment.earnings.overTime.query(range),
  },
  'payment.earnings.byCampaign': {
    expected: streamersOnly,
    call: (c) => c.payment.earnings.byCampaign.query(),
  },
  'payment.ledger.check': { expected: financeOnly, call: (c) => c.payment.ledger.check.query() },
  'payment.admin.wallets.list': {
    expected: financeOnly,
    call: (c) => c.payment.admin.wallets.list.query({ holder: 'streamer' }),
  },
  'payment.admin.wallets.get': {
    expected: financeOnly,
    call: (c) => c.payment.admin.wallets.get.query({ holder: 'brand', ownerId: cast.brandA.userId }),
  },
  'payment.admin.adjustments.create': {
    expected: financeOnly,
    call: (c) =>
      c.payment.admin.adjustments.create.mutate({
        holder: 'brand',
        ownerId: adjustedBrand,
        direction: 'credit',
        amountCents: 100,
        reason: 'Authorization check',
        idempotencyKey: randomUUID(),
      }),
  },
  // Run in this order: the finance admin freezes, then unfreezes, a brand with no money.
  'payment.admin.freezes.freeze': {
    expected: financeOnly,
    call: (c) => c.payment.admin.freezes.freeze.mutate({ holder: 'brand', ownerId: frozenBrand, reason: 'Authorization check' }),
  },
  'payment.admin.freezes.unfreeze': {
    expected: financeOnly,
    call: (c) => c.payment.admin.freezes.unfreeze.mutate({ holder: 'brand', ownerId: frozenBrand, reason: 'Authorization check' }),
  },
  'payment.admin.reports.financial': {
    expected: financeOnly,
    call: (c) => c.payment.admin.reports.financial.query(range),
  },
  'payment.admin.reports.financialCsv': {
    expected: financeOnly,
    call: (c) => c.payment.admin.reports.financialCsv.query(range),
  },
  'payment.internal.campaignBudget': {
    expected: servicesOnly,
    call: (c) => c.payment.internal.campaignBudget.query({ campaignId: campaignOfA }),
  },
  'payment.internal.reserveCampaignBudget': {
    expected: servicesOnly,
    call: (c) =>
      c.payment.internal.reserveCampaignBudget.mutate({
        campaignId: randomUUID(),
        brandId: cast.brandA.userId,
        budgetCents: 100,
        pricingModel: 'cpm',
        rateCents: 100,
        perStreamerCapCents: null,
      }),
  },
  'payment.internal.adjustCampaignBudget': {
    expected: servicesOnly,
    call: (c) =>
      c.payment.internal.adjustCampaignBudget.mutate({
        campaignId: campaignOfA,
        budgetCents: 20_000,
      }),
  },
};

async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return errorOf(error).code;
  }
}

describe('who may call each payment procedure', () => {
  for (const [name, { expected, call }] of Object.entries(procedures)) {
    it(name, async () => {
      const actual: Record<string, string> = {};
      for (const caller of callerNames) actual[caller] = await outcomeOf(call(clients[caller]));
      expect(actual).toEqual(expected);
    });
  }

  it('a brand sees its own wallet only', async () => {
    const ofA = await clients.brandA.payment.wallet.summary.query();
    const ofB = await clients.brandB.payment.wallet.summary.query();
    expect(ofA).toMatchObject({ availableCents: 30_000, reservedCents: 19_000, spentCents: 1000 });
    expect(ofB).toEqual({
      currency: 'USD',
      availableCents: 0,
      reservedCents: 0,
      spentCents: 0,
      campaigns: [],
    });
    expect((await clients.brandB.payment.wallet.transactions.query({})).items).toEqual([]);
    expect(
      (await clients.brandA.payment.wallet.transactions.query({})).items.map((item) => item.kind),
    ).toEqual(['budget_reserve', 'deposit']);
  });

  it('a streamer sees their own earnings only', async () => {
    const ofA = await clients.streamerA.payment.earnings.summary.query();
    expect(ofA).toMatchObject({ pendingCents: 800, availableCents: 0 });
    expect(ofA.pendingLots).toEqual([
      expect.objectContaining({
        campaignId: campaignOfA,
        amountCents: 800,
        availableAt: new Date('2026-01-17T19:00:00.000Z'),
      }),
    ]);
    expect(await clients.streamerB.payment.earnings.summary.query()).toMatchObject({
      pendingCents: 0,
      pendingLots: [],
    });
    expect(await clients.streamerB.payment.earnings.byCampaign.query()).toEqual([]);
    expect((await clients.streamerA.payment.earnings.byCampaign.query())[0]).toMatchObject({
      campaignId: campaignOfA,
      earnedCents: 800,
    });
    const days = await clients.streamerA.payment.earnings.overTime.query(range);
    expect(days).toHaveLength(10);
    expect(days.find((day) => day.day === '2026-01-14')).toEqual({
      day: '2026-01-14',
      earnedCents: 800,
    });
    expect(
      (await clients.streamerB.payment.earnings.overTime.query(range)).every(
        (day) => day.earnedCents === 0,
      ),
    ).toBe(true);
  });
});

describe('every admin procedure', () => {
  it('lets an admin with its permission past authorization, and no one else', async () => {
    const { checked, mismatches } = await checkAdminAuthorization({
      router: createPaymentRouter(harness.service.deps),
      url: harness.url,
      tokenFor: (person) => issuer.tokenFor(person),
    });
    expect(checked.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
