import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { balancesOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import { cents } from '../money/money-context';

const CURRENCY = 'USD';
const DAY_MS = 86_400_000;
const PENDING_LOTS_SHOWN = 100;

export interface EarningsSummary {
  currency: string;
  pendingCents: number;
  availableCents: number;
  /** Money on its way out (withdrawals requested, not yet paid). */
  withdrawingCents: number;
  /** Pending earnings by when each becomes available, soonest first. */
  pendingLots: Array<{
    campaignId: string;
    amountCents: number;
    earnedAt: Date;
    availableAt: Date;
  }>;
}

export async function earningsSummary(
  sql: PaymentSql,
  streamerId: string,
): Promise<EarningsSummary> {
  const pending = accounts.streamerPending(streamerId, CURRENCY).code;
  const available = accounts.streamerAvailable(streamerId, CURRENCY).code;
  const balances = await balancesOf(sql, [pending, available]);
  const lots = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT "campaignId", "amountCents"::text, "earnedAt", "availableAt" FROM "earnings_lots"
     WHERE "streamerId" = $1::uuid AND "maturedAt" IS NULL AND "heldByDisputeId" IS NULL ORDER BY "availableAt", "id" LIMIT $2`,
    streamerId,
    PENDING_LOTS_SHOWN,
  );
  return {
    currency: CURRENCY,
    pendingCents: cents(balances.get(pending)!.available),
    availableCents: cents(balances.get(available)!.available),
    withdrawingCents: cents(balances.get(available)!.pendingDebits),
    pendingLots: lots.map((lot) => ({
      campaignId: lot.campaignId as string,
      amountCents: cents(toBigInt(lot.amountCents)),
      earnedAt: new Date(lot.earnedAt as Date),
      availableAt: new Date(lot.availableAt as Date),
    })),
  };
}

/** Earnings per UTC day from `from` (its day) up to `to`, every day present (zero when nothing was earned). */
export async function earningsOverTime(
  sql: PaymentSql,
  streamerId: string,
  range: { from: Date; to: Date },
): Promise<Array<{ day: string; earnedCents: number }>> {
  const rows = await sql.$queryRawUnsafe<Array<{ day: string; earned: unknown }>>(
    `SELECT to_char(("earnedAt" AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, SUM("amountCents")::text AS earned
     FROM "earnings_lots" WHERE "streamerId" = $1::uuid AND "earnedAt" >= $2::timestamptz AND "earnedAt" < $3::timestamptz
     GROUP BY 1`,
    streamerId,
    range.from,
    range.to,
  );
  const byDay = new Map(rows.map((row) => [row.day, cents(toBigInt(row.earned))]));
  const days: Array<{ day: string; earnedCents: number }> = [];
  const first = Date.UTC(
    range.from.getUTCFullYear(),
    range.from.getUTCMonth(),
    range.from.getUTCDate(),
  );
  for (let time = first; time < range.to.getTime(); time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    days.push({ day, earnedCents: byDay.get(day) ?? 0 });
  }
  return days;
}

/** What each campaign has earned the streamer, and how much of it is still pending. */
export async function earningsByCampaign(
  sql: PaymentSql,
  streamerId: string,
): Promise<
  Array<{ campaignId: string; earnedCents: number; pendingCents: number; lastEarnedAt: Date }>
> {
  const rows = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT "campaignId", SUM("amountCents")::text AS earned,
            COALESCE(SUM("amountCents") FILTER (WHERE "maturedAt" IS NULL AND "heldByDisputeId" IS NULL), 0)::text AS pending,
            MAX("earnedAt") AS "lastEarnedAt"
     FROM "earnings_lots" WHERE "streamerId" = $1::uuid
     GROUP BY "campaignId" ORDER BY MAX("earnedAt") DESC, "campaignId"`,
    streamerId,
  );
  return rows.map((row) => ({
    campaignId: row.campaignId as string,
    earnedCents: cents(toBigInt(row.earned)),
    pendingCents: cents(toBigInt(row.pending)),
    lastEarnedAt: new Date(row.lastEarnedAt as Date),
  }));
}
