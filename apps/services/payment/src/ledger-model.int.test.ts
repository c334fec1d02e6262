import { randomUUID } from 'node:crypto';
import { DomainError } from '@gametriggers/trpc';
import { errorOf, fixedClock, startTestTokenIssuer, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PaymentSql } from './database';
import { matureDueEarnings } from './jobs/earnings-maturing';
import { checkLedger } from './ledger/ledger-check';
import { releaseCampaignEscrow } from './money/campaign-settlement';
import { chargeParticipationHours } from './money/charging';
import type { CountedHour } from './money/charging';
import { creditDeposit } from './money/deposits';
import { closeDispute, holdDispute } from './money/disputes';
import { holdRefund, postRefund, voidRefund } from './money/refunds';
import { holdWithdrawal, postWithdrawal, settlePayout, voidWithdrawal } from './money/withdrawals';
import type { CampaignModel, Refusal, SeededRandom } from './testing/ledger-model';
import { LedgerModel, PLATFORM_FEES, seededRandom } from './testing/ledger-model';
import type { PaymentHarness } from './testing/payment-harness';
import { startPaymentHarness } from './testing/payment-harness';

// LEDGER_MODEL_SEED=<n> replays a run; LEDGER_MODEL_OPS sets the operations per group and phase.
const seed = process.env.LEDGER_MODEL_SEED
  ? Number(process.env.LEDGER_MODEL_SEED)
  : Math.floor(Math.random() * 2 ** 31);
const GROUPS = 8;
const OPS_PER_PHASE = Number(process.env.LEDGER_MODEL_OPS ?? 200);
const DAY_MS = 86_400_000;

const clock = fixedClock(testInstants.newYorkAfternoon);
let issuer: TestTokenIssuer;
let harness: PaymentHarness;
const model = new LedgerModel(2000n);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, platformConfig: fixedPlatformConfig({ platformFeeBps: 2000 }) });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

/** What a call ended with: its value, or the refusal's reason (and shortfall) — anything else fails the test. */
async function outcome<T>(call: Promise<T>): Promise<T | Refusal> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof DomainError) {
      const shortBy = error.details?.shortByCents;
      return {
        refused: error.reason,
        ...(typeof shortBy === 'number' ? { shortByCents: shortBy } : {}),
      };
    }
    if (error instanceof TRPCClientError) {
      const failure = errorOf(error);
      const shortBy = failure.details?.shortByCents;
      return {
        refused: failure.reason ?? failure.code,
        ...(typeof shortBy === 'number' ? { shortByCents: shortBy } : {}),
      };
    }
    throw error;
  }
}
const ok = async (call: Promise<unknown>) => {
  const result = await outcome(call);
  return result && typeof result === 'object' && 'refused' in result ? result : 'ok';
};

interface Group {
  random: SeededRandom;
  brandId: string;
  campaigns: Array<CampaignModel & { originalBudget: bigint }>;
  streamers: string[];
  hours: CountedHour[];
  withdrawals: string[];
  refunds: string[];
  disputes: string[];
  /** Successful operations, to replay. */
  done: Array<() => Promise<void>>;
  operations: number;
}

function newGroup(index: number): Group {
  const random = seededRandom(seed * 31 + index);
  const brandId = randomUUID();
  const campaigns = Array.from({ length: 3 }, () => {
    const budget = BigInt(random.int(5, 60) * 500);
    const campaign = {
      campaignId: randomUUID(),
      brandId,
      pricingModel: random.pick(['cpm', 'cpc'] as const),
      rateCents: BigInt(random.int(1, 900)),
      capCents: random.chance(0.4) ? BigInt(random.int(100, 3000)) : null,
      budgetCents: budget,
      originalBudget: budget,
      spentCents: 0n,
      adjustments: 0,
      state: 'unreserved' as const,
    };
    model.campaigns.set(campaign.campaignId, campaign);
    return campaign;
  });
  return {
    random,
    brandId,
    campaigns,
    streamers: Array.from({ length: 3 }, () => randomUUID()),
    hours: [],
    withdrawals: [],
    refunds: [],
    disputes: [],
    done: [],
    operations: 0,
  };
}

const money = <T>(work: (tx: PaymentSql) => Promise<T>) => harness.transaction(work);

/** Runs the real operation and the model's, and checks they agree; returns whether it took effect. */
async function check<T>(
  label: string,
  real: () => Promise<T>,
  predicted: () => unknown,
  group: Group,
) {
  group.operations += 1;
  const actual = await outcome(real());
  const expected = predicted();
  expect(normalize(actual), `${label} (seed ${seed})`).toEqual(expected);
  return !(actual && typeof actual === 'object' && 'refused' in actual);
}
function normalize(value: unknown) {
  if (value && typeof value === 'object' && 'entryId' in value) return 'ok';
  return value;
}

async function deposit(group: Group) {
  const paymentIntentId = `pi_${randomUUID()}`;
  const amount = BigInt(group.random.int(1, 400) * 100);
  const run = () =>
    check(
      'deposit',
      () =>
        money((tx) =>
          creditDeposit(tx, harness.deps, {
            brandId: group.brandId,
            amountCents: Number(amount),
            paymentIntentId,
          }),
        ),
      () => (model.deposit(group.brandId, paymentIntentId, amount), 'ok'),
      group,
    );
  if (group.random.chance(0.2)) {
    // Two deliveries at once: one takes effect.
    const [a, b] = await Promise.all([
      money((tx) =>
        creditDeposit(tx, harness.deps, {
          brandId: group.brandId,
          amountCents: Number(amount),
          paymentIntentId,
        }),
      ),
      money((tx) =>
        creditDeposit(tx, harness.deps, {
          brandId: group.brandId,
          amountCents: Number(amount),
          paymentIntentId,
        }),
      ),
    ]);
    expect(a.entryId).toBe(b.entryId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    model.deposit(group.brandId, paymentIntentId, amount);
    group.done.push(async () => void (await run()));
    return;
  }
  if (await run()) group.done.push(async () => void (await run()));
}

async function reserve(group: Group) {
  const campaign = group.random.pick(group.campaigns);
  const input = {
    campaignId: campaign.campaignId,
    brandId: group.brandId,
    budgetCents: Number(campaign.originalBudget),
    pricingModel: campaign.pricingModel,
    rateCents: Number(campaign.rateCents),
    perStreamerCapCents: campaign.capCents === null ? null : Number(campaign.capCents),
  };
  const run = () =>
    check(
      'reserve',
      () => harness.serviceClient('campaign').payment.internal.reserveCampaignBudget.mutate(input),
      () => model.reserve(campaign),
      group,
    );
  if (await run()) group.done.push(async () => void (await run()));
}

async function adjust(group: Group) {
  const campaign = group.random.pick(group.campaigns);
  const budget = BigInt(group.random.int(2, 70) * 500);
  await check(
    'adjust',
    () =>
      harness.serviceClient('campaign').payment.internal.adjustCampaignBudget.mutate({
        campaignId: campaign.campaignId,
        budgetCents: Number(budget),
      }),
    () => model.adjust(campaign, budget),
    group,
  );
}

async function charge(group: Group, hour: CountedHour) {
  const run = () =>
    check(
      'charge',
      () => money((tx) => chargeParticipationHours(tx, harness.deps, [hour])),
      () => [model.chargeHour(hour)],
      group,
    );
  await run();
  group.done.push(async () => void (await run()));
}

async function newHour(group: Group) {
  const hour: CountedHour = {
    participationId: randomUUID(),
    campaignId: group.random.pick(group.campaigns).campaignId,
    streamerId: group.random.pick(group.streamers),
    hourStart: new Date(Date.UTC(2026, 0, 14, group.random.int(0, 23))).toISOString(),
    impressions: group.random.int(0, 5000),
    clicks: group.random.int(0, 30),
    revision: 1,
  };
  group.hours.push(hour);
  await charge(group, hour);
}

async function recount(group: Group) {
  if (group.hours.length === 0) return newHour(group);
  const index = group.random.int(0, group.hours.length - 1);
  const earlier = group.hours[index]!;
  const hour = {
    ...earlier,
    revision: earlier.revision + group.random.int(1, 2),
    impressions: Math.max(0, earlier.impressions + group.random.int(-200, 2000)),
    clicks: Math.max(0, earlier.clicks + group.random.int(-2, 10)),
  };
  group.hours[index] = hour;
  await charge(group, hour);
}

async function release(group: Group) {
  const campaign = group.random.pick(group.campaigns);
  const reason = group.random.pick(['completed', 'cancelled', 'rejected'] as const);
  const run = () =>
    check(
      'release',
      () =>
        money((tx) =>
          releaseCampaignEscrow(tx, harness.deps, { campaignId: campaign.campaignId, reason }),
        ),
      () => model.release(campaign),
      group,
    );
  await run();
  group.done.push(async () => void (await run()));
}

async function withdraw(group: Group) {
  const withdrawalId = randomUUID();
  const streamerId = group.random.pick(group.streamers);
  const amount = BigInt(group.random.int(1, 3000));
  const run = () =>
    check(
      'hold withdrawal',
      () =>
        ok(
          money((tx) =>
            holdWithdrawal(tx, harness.deps, {
              withdrawalId,
              streamerId,
              amountCents: Number(amount),
            }),
          ),
        ),
      () => model.holdWithdrawal(withdrawalId, streamerId, amount),
      group,
    );
  if (await run()) {
    group.withdrawals.push(withdrawalId);
    group.done.push(async () => void (await run()));
  }
}

async function resolveWithdrawal(group: Group) {
  if (group.withdrawals.length === 0) return withdraw(group);
  const withdrawalId = group.random.pick(group.withdrawals);
  const hold = model.withdrawals.get(withdrawalId)!;
  if (group.random.chance(0.3)) {
    const reason = 'transfer_failed';
    await check(
      'void withdrawal',
      () => ok(money((tx) => voidWithdrawal(tx, harness.deps, { withdrawalId, reason }))),
      () => model.resolveWithdrawal(withdrawalId, 'void'),
      group,
    );
    return;
  }
  const post =
    hold.state === 'posted' ? hold.postedCents : BigInt(group.random.int(1, Number(hold.amount)));
  await check(
    'post withdrawal',
    () =>
      ok(
        money((tx) =>
          postWithdrawal(tx, harness.deps, { withdrawalId, amountCents: Number(post) }),
        ),
      ),
    () => model.resolveWithdrawal(withdrawalId, { post }),
    group,
  );
}

async function payout(group: Group) {
  const posted = group.withdrawals.filter((id) => model.withdrawals.get(id)!.state === 'posted');
  if (posted.length === 0) return resolveWithdrawal(group);
  const withdrawalId = group.random.pick(posted);
  const hold = model.withdrawals.get(withdrawalId)!;
  const result = group.random.chance(0.7) ? ('paid' as const) : ('failed' as const);
  const input = {
    withdrawalId,
    streamerId: hold.streamerId,
    amountCents: Number(hold.postedCents),
    outcome: result,
    reason: 'account_closed',
  };
  await check(
    `payout ${result}`,
    () => ok(money((tx) => settlePayout(tx, harness.deps, input))),
    () => model.settlePayout(withdrawalId, result),
    group,
  );
}

async function refund(group: Group) {
  const open = group.refunds.filter((id) => model.refunds.get(id)!.state === 'held');
  if (open.length > 0 && group.random.chance(0.5)) {
    const refundId = group.random.pick(open);
    const result = group.random.chance(0.7) ? ('post' as const) : ('void' as const);
    const run = () =>
      check(
        `refund ${result}`,
        () =>
          ok(
            money((tx) =>
              result === 'post'
                ? postRefund(tx, harness.deps, { refundId })
                : voidRefund(tx, harness.deps, { refundId, reason: 'declined' }),
            ),
          ),
        () => model.resolveRefund(refundId, result),
        group,
      );
    await run();
    group.done.push(async () => void (await run()));
    return;
  }
  const refundId = `re_${randomUUID()}`;
  const amount = BigInt(group.random.int(1, 5000));
  const run = () =>
    check(
      'hold refund',
      () =>
        ok(
          money((tx) =>
            holdRefund(tx, harness.deps, {
              refundId,
              brandId: group.brandId,
              amountCents: Number(amount),
            }),
          ),
        ),
      () => model.holdRefund(refundId, group.brandId, amount),
      group,
    );
  if (await run()) {
    group.refunds.push(refundId);
    group.done.push(async () => void (await run()));
  }
}

async function dispute(group: Group) {
  const open = group.disputes.filter((id) => !model.disputes.get(id)!.closed);
  if (open.length > 0 && group.random.chance(0.5)) {
    const disputeId = group.random.pick(open);
    const result = group.random.pick(['won', 'lost'] as const);
    const run = () =>
      check(
        `dispute ${result}`,
        () =>
          money((tx) =>
            closeDispute(tx, harness.deps, { disputeId, brandId: group.brandId, outcome: result }),
          ),
        () => model.closeDispute(disputeId, result),
        group,
      );
    await run();
    group.done.push(async () => void (await run()));
    return;
  }
  const disputeId = `dp_${randomUUID()}`;
  const amount = BigInt(group.random.int(1, 6000));
  const run = () =>
    check(
      'hold dispute',
      () =>
        money((tx) =>
          holdDispute(tx, harness.deps, {
            disputeId,
            brandId: group.brandId,
            amountCents: Number(amount),
          }),
        ),
      () => model.holdDispute(disputeId, group.brandId, amount),
      group,
    );
  await run();
  group.disputes.push(disputeId);
  group.done.push(async () => void (await run()));
}

async function replay(group: Group) {
  if (group.done.length === 0) return deposit(group);
  await group.random.pick(group.done)();
}

type Operation = (group: Group) => Promise<void>;
function weighted(entries: Array<[number, Operation]>): (random: SeededRandom) => Operation {
  const total = entries.reduce((sum, [weight]) => sum + weight, 0);
  return (random) => {
    let roll = random.next() * total;
    for (const [weight, operation] of entries) {
      roll -= weight;
      if (roll < 0) return operation;
    }
    return entries.at(-1)![1];
  };
}

const earning = weighted([
  [14, deposit],
  [10, reserve],
  [4, adjust],
  [30, newHour],
  [14, recount],
  [2, release],
  [6, refund],
  [6, dispute],
  [10, replay],
]);
const withdrawing = weighted([
  [8, deposit],
  [4, reserve],
  [3, adjust],
  [14, newHour],
  [8, recount],
  [2, release],
  [16, withdraw],
  [14, resolveWithdrawal],
  [10, payout],
  [5, refund],
  [5, dispute],
  [12, replay],
]);

async function runPhase(groups: Group[], choose: (random: SeededRandom) => Operation) {
  // The groups run at once (they share the clearing, fee, in-transit and dispute accounts); each
  // group's own operations run in order, so the model knows what each one must answer.
  await Promise.all(
    groups.map(async (group) => {
      for (let step = 0; step < OPS_PER_PHASE; step++) await choose(group.random)(group);
    }),
  );
}

it(
  'agrees with an in-memory model over thousands of concurrent operations and their replays',
  { timeout: 900_000 },
  async () => {
    process.stderr.write(`[ledger model] seed ${seed} (LEDGER_MODEL_SEED=${seed} replays it)\n`);
    const groups = Array.from({ length: GROUPS }, (_, index) => newGroup(index));

    await runPhase(groups, earning);
    clock.advance(3 * DAY_MS);
    expect(await matureDueEarnings(harness.deps)).toBe(model.lots);
    model.matureAll();
    await runPhase(groups, withdrawing);

    const operations = groups.reduce((sum, group) => sum + group.operations, 0);
    expect(operations).toBeGreaterThan(2000);

    // Every entry sums to zero, no liability is negative, the cached balances equal the journal's.
    const report = await harness.transaction((tx) => checkLedger(tx));
    expect(report.problems).toEqual([]);

    // Every account holds what the model says.
    const { rows } = await harness.deps.transaction((tx) =>
      tx
        .$queryRawUnsafe<Array<{ code: string; available: string }>>(
          `SELECT "code", (CASE "normalBalance" WHEN 'credit' THEN "postedCredits" - "postedDebits" - "pendingDebits"
                                             ELSE "postedDebits" - "postedCredits" - "pendingCredits" END)::text AS available
         FROM "ledger_accounts"`,
        )
        .then((result) => ({ rows: result })),
    );
    const actual: Record<string, bigint> = {};
    for (const row of rows) {
      const code = row.code.startsWith(`${PLATFORM_FEES}:`) ? PLATFORM_FEES : row.code;
      actual[code] = (actual[code] ?? 0n) + BigInt(row.available);
    }
    for (const [code, value] of Object.entries(actual)) if (value === 0n) delete actual[code];
    const expected = Object.fromEntries(
      [...model.balances.entries()].filter(([, value]) => value !== 0n),
    );
    expect(actual).toEqual(expected);

    // Each idempotency key took effect once: the journal holds exactly the model's keys.
    const keys = await harness.transaction((tx) =>
      tx.$queryRawUnsafe<Array<{ idempotencyKey: string }>>(
        `SELECT "idempotencyKey" FROM "journal_entries"`,
      ),
    );
    const journal = keys.map((row) => row.idempotencyKey);
    expect(journal.filter((key) => key.startsWith('mature:'))).toHaveLength(model.maturedLots);
    expect(journal.filter((key) => !key.startsWith('mature:')).sort()).toEqual(
      [...model.keys].sort(),
    );
  },
);
