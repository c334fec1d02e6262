import { randomUUID } from 'node:crypto';
import type { TestPerson } from '@gametriggers/testing';
import {
  adminWith,
  errorOf,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveCampaignBudget } from '../money/campaign-budget';
import { chargeParticipationHours } from '../money/charging';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';

type Client = ReturnType<PaymentHarness['client']>;
const callerNames = [
  'anonymous',
  'brandA',
  'brandB',
  'streamerA',
  'streamerB',
  'disputesAdmin',
  'financeAdmin',
] as const;
type CallerName = (typeof callerNames)[number];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
let clients: Record<CallerName, Client>;
const campaignId = randomUUID();
let hour = 0;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  const people: Record<Exclude<CallerName, 'anonymous'>, TestPerson> = {
    brandA: cast.brandA,
    brandB: cast.brandB,
    streamerA: cast.streamerA,
    streamerB: cast.streamerB,
    disputesAdmin: adminWith('canManageDisputes'),
    financeAdmin: adminWith('canViewFinancials'),
  };
  clients = { anonymous: harness.client() } as Record<CallerName, Client>;
  for (const [name, person] of Object.entries(people)) {
    clients[name as CallerName] = harness.client(await issuer.tokenFor(person));
  }
  await harness.fundWallet(cast.brandA.userId, 100_000);
  await harness.transaction((tx) =>
    reserveCampaignBudget(tx, harness.deps, {
      campaignId,
      brandId: cast.brandA.userId,
      budgetCents: 50_000,
      pricingModel: 'cpm',
      rateCents: 500,
      perStreamerCapCents: null,
    }),
  );
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

/** A participation of streamer A in brand A's campaign with one charged hour. */
async function chargedParticipation() {
  const participationId = randomUUID();
  await harness.transaction((tx) =>
    chargeParticipationHours(tx, harness.deps, [
      {
        participationId,
        campaignId,
        streamerId: cast.streamerA.userId,
        hourStart: new Date(Date.UTC(2026, 0, 10, hour++)).toISOString(),
        impressions: 1000,
        clicks: 0,
        revision: 1,
      },
    ]),
  );
  return participationId;
}

const evidence = { reason: 'A reason', evidenceText: 'What happened', evidenceLinks: [] };

async function disputeOpenedBy(party: 'brand' | 'streamer') {
  const participationId = await chargedParticipation();
  const opened =
    party === 'brand'
      ? await clients.brandA.payment.disputes.brand.open.mutate({ participationId, ...evidence })
      : await clients.streamerA.payment.disputes.streamer.open.mutate({
          participationId,
          ...evidence,
        });
  return opened.disputeId;
}

const all = (outcome: Outcome): Record<CallerName, Outcome> =>
  Object.fromEntries(callerNames.map((name) => [name, outcome])) as Record<CallerName, Outcome>;
const only = (...callers: CallerName[]): Record<CallerName, Outcome> => ({
  ...all('FORBIDDEN'),
  anonymous: 'UNAUTHORIZED',
  ...Object.fromEntries(callers.map((caller) => [caller, 'ok'])),
});
// Another brand's or streamer's dispute or participation is not found.
const brandAOnly = { ...only('brandA', 'brandB'), brandB: 'NOT_FOUND' as const };
const streamerAOnly = { ...only('streamerA', 'streamerB'), streamerB: 'NOT_FOUND' as const };

/** Each procedure: who gets what, against a subject made fresh for it. */
const procedures: Record<
  string,
  {
    expected: Record<CallerName, Outcome>;
    subject: () => Promise<string>;
    call: (client: Client, subject: string) => Promise<unknown>;
  }
> = {
  'payment.disputes.brand.open': {
    expected: brandAOnly,
    subject: chargedParticipation,
    call: (c, participationId) =>
      c.payment.disputes.brand.open.mutate({ participationId, ...evidence }),
  },
  'payment.disputes.streamer.open': {
    expected: streamerAOnly,
    subject: chargedParticipation,
    call: (c, participationId) =>
      c.payment.disputes.streamer.open.mutate({ participationId, ...evidence }),
  },
  'payment.disputes.brand.respond': {
    expected: brandAOnly,
    subject: () => disputeOpenedBy('streamer'),
    call: (c, disputeId) =>
      c.payment.disputes.brand.respond.mutate({
        disputeId,
        evidenceText: 'Our side',
        evidenceLinks: [],
      }),
  },
  'payment.disputes.streamer.respond': {
    expected: streamerAOnly,
    subject: () => disputeOpenedBy('brand'),
    call: (c, disputeId) =>
      c.payment.disputes.streamer.respond.mutate({
        disputeId,
        evidenceText: 'My side',
        evidenceLinks: [],
      }),
  },
  'payment.disputes.brand.listMine': {
    expected: only('brandA', 'brandB'),
    subject: () => Promise.resolve(''),
    call: (c) => c.payment.disputes.brand.listMine.query({}),
  },
  'payment.disputes.streamer.listMine': {
    expected: only('streamerA', 'streamerB'),
    subject: () => Promise.resolve(''),
    call: (c) => c.payment.disputes.streamer.listMine.query({}),
  },
  'payment.disputes.brand.get': {
    expected: brandAOnly,
    subject: () => disputeOpenedBy('brand'),
    call: (c, disputeId) => c.payment.disputes.brand.get.query({ disputeId }),
  },
  'payment.disputes.streamer.get': {
    expected: streamerAOnly,
    subject: () => disputeOpenedBy('brand'),
    call: (c, disputeId) => c.payment.disputes.streamer.get.query({ disputeId }),
  },
  'payment.disputes.admin.list': {
    expected: only('disputesAdmin'),
    subject: () => Promise.resolve(''),
    call: (c) => c.payment.disputes.admin.list.query({}),
  },
  'payment.disputes.admin.get': {
    expected: only('disputesAdmin'),
    subject: () => disputeOpenedBy('streamer'),
    call: (c, disputeId) => c.payment.disputes.admin.get.query({ disputeId }),
  },
  'payment.disputes.admin.resolve': {
    expected: only('disputesAdmin'),
    subject: () => disputeOpenedBy('brand'),
    call: (c, disputeId) =>
      c.payment.disputes.admin.resolve.mutate({
        disputeId,
        outcome: 'release',
        reason: 'Looks fine',
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

describe('who may call each participation dispute procedure', () => {
  for (const [name, { expected, subject, call }] of Object.entries(procedures)) {
    it(name, async () => {
      const made = await subject();
      const actual: Record<string, string> = {};
      // The owner goes last, so a refused caller meets the subject as it was made.
      const order = [...callerNames].sort(
        (a, b) => Number(expected[a] === 'ok') - Number(expected[b] === 'ok'),
      );
      for (const caller of order) actual[caller] = await outcomeOf(call(clients[caller], made));
      expect(actual).toEqual(expected);
    });
  }
});
