/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Settling hours: charges 100,000 counted participation-hours (escrow → streamer pending earnings +
 * a fee shard, with their earnings lots, hour records and outbox events) through the service's
 * charge path, in transactions of BATCH hours of one campaign (as a batching consumer groups them),
 * then writes the same journal rows (entries and postings) with plain INSERTs, in the same batches,
 * into copies of the tables with their columns, defaults, indexes and CHECKs but no triggers, and
 * prints both and their ratio; then the top-up latency (webhook delivered → wallet credited).
 *   pnpm --filter @gametriggers/payment-service bench  [HOURS=100000 BATCH=1000 CONCURRENCY=2]
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@gametriggers/testing';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import type { PaymentSql } from '../src/database';
import { createPaymentPool, pgPaymentTransactions } from '../src/database';
import { checkLedger } from '../src/ledger/ledger-check';
import { reserveCampaignBudget } from '../src/money/campaign-budget';
import type { CountedHour } from '../src/money/charging';
import { chargeParticipationHours } from '../src/money/charging';
import { creditDeposit } from '../src/money/deposits';
import type { MoneyContext } from '../src/money/money-context';
import { paymentMigrationsDir } from '../src/testing/payment-harness';
import { seededRandom } from '../src/testing/ledger-model';
import { measureTopUpLatency } from './topup-latency';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const HOURS = Number(process.env.HOURS ?? (dryRun ? 200 : 100_000));
const BATCH = Number(process.env.BATCH ?? (dryRun ? 50 : 1000));
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 2);
const CAMPAIGNS = Number(process.env.CAMPAIGNS ?? (dryRun ? 4 : 100));
const STREAMERS = Number(process.env.STREAMERS ?? (dryRun ? 20 : 5_000));
const HOURS_PER_PARTICIPATION = 5;

const context: MoneyContext = {
  now: () => new Date('2026-01-14T19:00:00Z'),
  platformConfig: fixedPlatformConfig(),
};

function countedHours(campaignIds: string[]): CountedHour[] {
  const random = seededRandom(7);
  // Each campaign has its own streamers (a streamer runs few campaigns at once).
  const streamersPerCampaign = Math.max(1, Math.floor(STREAMERS / campaignIds.length));
  const streamers = new Map(
    campaignIds.map((id) => [id, Array.from({ length: streamersPerCampaign }, () => randomUUID())]),
  );
  const hours: CountedHour[] = [];
  while (hours.length < HOURS) {
    const participationId = randomUUID();
    const campaignId = random.pick(campaignIds);
    const streamerId = random.pick(streamers.get(campaignId)!);
    for (let hour = 0; hour < HOURS_PER_PARTICIPATION && hours.length < HOURS; hour++) {
      hours.push({
        participationId,
        campaignId,
        streamerId,
        hourStart: new Date(Date.UTC(2026, 0, 14, hour)).toISOString(),
        impressions: random.int(50, 5000),
        clicks: random.int(0, 20),
        revision: 1,
      });
    }
  }
  return hours;
}

/** Batches of one campaign each, campaigns interleaved so concurrent batches mostly touch different ones. */
function campaignBatches(hours: CountedHour[]): CountedHour[][] {
  const byCampaign = new Map<string, CountedHour[]>();
  for (const hour of hours) {
    const list = byCampaign.get(hour.campaignId) ?? [];
    list.push(hour);
    byCampaign.set(hour.campaignId, list);
  }
  const perCampaign = [...byCampaign.values()].map((list) => batches(list, BATCH));
  const result: CountedHour[][] = [];
  for (let round = 0; perCampaign.some((list) => list.length > round); round++) {
    for (const list of perCampaign) {
      const batch = list[round];
      if (batch) result.push(batch);
    }
  }
  return result;
}

function batches<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let offset = 0; offset < items.length; offset += size)
    result.push(items.slice(offset, offset + size));
  return result;
}

async function inParallel<T>(work: T[], concurrency: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) await run(work[next++]!);
    }),
  );
}

/** Plain INSERTs of the journal rows the charges wrote, into constraint- and trigger-free copies of the tables. */
async function plainInsert(transaction: ReturnType<typeof pgPaymentTransactions>, rows: number) {
  await transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `CREATE TABLE "plain_entries" (LIKE "journal_entries" INCLUDING ALL)`,
    );
    await tx.$executeRawUnsafe(
      `CREATE TABLE "plain_postings" (LIKE "ledger_postings" INCLUDING ALL)`,
    );
  });
  const { entries, postings } = await transaction(async (tx) => ({
    entries: await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
      `SELECT "idempotencyKey", "kind", "phase", "requestDigest", "cause"::text, "createdAt" FROM "journal_entries" WHERE "kind" = 'charge' ORDER BY "id" LIMIT $1`,
      rows,
    ),
    postings: await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
      `SELECT p."entryId"::text, p."accountId"::text, p."direction", p."amount"::text, p."balanceBefore"::text, p."balanceAfter"::text, p."createdAt"
       FROM "ledger_postings" p JOIN "journal_entries" e ON e."id" = p."entryId" WHERE e."kind" = 'charge' ORDER BY p."id"`,
    ),
  }));
  const postingsPerEntry = postings.length / entries.length;
  const started = performance.now();
  await inParallel(
    batches(
      entries.map((entry, index) => ({ entry, index })),
      BATCH,
    ),
    CONCURRENCY,
    async (batch) => {
      const from = batch[0]!.index * postingsPerEntry;
      const theirPostings = postings.slice(
        Math.floor(from),
        Math.floor(from + batch.length * postingsPerEntry),
      );
      await transaction(async (tx: PaymentSql) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO "plain_entries" ("idempotencyKey", "kind", "phase", "requestDigest", "cause", "createdAt")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[])`,
          batch.map(({ entry }) => entry.idempotencyKey),
          batch.map(({ entry }) => entry.kind),
          batch.map(({ entry }) => entry.phase),
          batch.map(({ entry }) => entry.requestDigest),
          batch.map(({ entry }) => entry.cause),
          batch.map(({ entry }) => entry.createdAt),
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "plain_postings" ("entryId", "accountId", "direction", "amount", "balanceBefore", "balanceAfter", "createdAt")
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::timestamptz[])`,
          theirPostings.map((row) => row.entryId),
          theirPostings.map((row) => row.accountId),
          theirPostings.map((row) => row.direction),
          theirPostings.map((row) => row.amount),
          theirPostings.map((row) => row.balanceBefore),
          theirPostings.map((row) => row.balanceAfter),
          theirPostings.map((row) => row.createdAt),
        );
      });
    },
  );
  return {
    seconds: (performance.now() - started) / 1000,
    entries: entries.length,
    postings: postings.length,
  };
}

async function main() {
  const database = await createTestDatabase(paymentMigrationsDir, 'payment_bench');
  const pool = createPaymentPool(database.url, CONCURRENCY + 2);
  const transaction = pgPaymentTransactions(pool);
  try {
    const brandId = randomUUID();
    const campaignIds = Array.from({ length: CAMPAIGNS }, () => randomUUID());
    // Budgets large enough that no hour is capped: every hour is a full charge.
    const budget = 100_000_000;
    await transaction((tx) =>
      creditDeposit(tx, context, {
        brandId,
        amountCents: budget * CAMPAIGNS,
        paymentIntentId: 'pi_bench',
      }),
    );
    for (const campaignId of campaignIds) {
      await transaction((tx) =>
        reserveCampaignBudget(tx, context, {
          campaignId,
          brandId,
          budgetCents: budget,
          pricingModel: 'cpm',
          rateCents: 850,
          perStreamerCapCents: null,
        }),
      );
    }
    const hours = countedHours(campaignIds);

    let started = performance.now();
    let charged = 0;
    await inParallel(campaignBatches(hours), CONCURRENCY, async (batch) => {
      const outcomes = await transaction((tx) => chargeParticipationHours(tx, context, batch));
      charged += outcomes.filter(
        (outcome) => outcome.status === 'applied' && outcome.chargedCents > 0,
      ).length;
    });
    const chargeSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const report = await transaction((tx) => checkLedger(tx));
    const checkSeconds = (performance.now() - started) / 1000;
    if (report.problems.length > 0)
      throw new Error(`The ledger check failed: ${JSON.stringify(report.problems.slice(0, 5))}`);

    const plain = await plainInsert(transaction, charged);
    const ratio = plain.seconds / chargeSeconds;
    console.log(
      JSON.stringify(
        {
          hours: HOURS,
          charged,
          batch: BATCH,
          concurrency: CONCURRENCY,
          campaigns: CAMPAIGNS,
          streamers: STREAMERS,
          charge: {
            seconds: +chargeSeconds.toFixed(2),
            chargesPerSecond: Math.round(charged / chargeSeconds),
          },
          plainInsert: {
            seconds: +plain.seconds.toFixed(2),
            entries: plain.entries,
            postings: plain.postings,
            rowsPerSecond: Math.round((plain.entries + plain.postings) / plain.seconds),
          },
          ratio: +ratio.toFixed(2),
          ledgerCheck: {
            seconds: +checkSeconds.toFixed(2),
            entries: report.entries,
            accounts: report.accounts,
            problems: 0,
          },
          targets: { chargeSecondsAtMost: 60, ratioAtLeast: 0.3 },
        },
        null,
        2,
      ),
    );
  } finally {
    await pool.end();
    await database.drop();
  }
}

await main();
const topUps = Number(process.env.TOPUPS ?? (dryRun ? 5 : 200));
console.log(
  JSON.stringify({ topUpWebhookToWalletCredited: await measureTopUpLatency(topUps) }, null, 2),
);
