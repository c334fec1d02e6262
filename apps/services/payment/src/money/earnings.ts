import { recordEvents } from '@gametriggers/events';
import type { PaymentSql } from '../database';
import { plainArrayLiteral, toBigInt } from '../database';
import { accounts } from '../ledger/chart-of-accounts';
import type { EntryRequest } from '../ledger/post-entries';
import { postEntries } from '../ledger/post-entries';
import type { MoneyContext } from './money-context';
import { cents } from './money-context';

const DAY_MS = 86_400_000;

export interface EarningsLotDraft {
  streamerId: string;
  campaignId: string;
  currency: string;
  amountCents: bigint;
}

/** Records earnings credited as pending by their entries, available after the hold period. */
export async function creditEarningsLots(
  tx: PaymentSql,
  context: MoneyContext,
  lots: Array<EarningsLotDraft & { entryId: bigint }>,
) {
  if (lots.length === 0) return;
  const { earningsHoldDays } = await context.platformConfig.get();
  const earnedAt = context.now();
  const availableAt = new Date(earnedAt.getTime() + earningsHoldDays * DAY_MS);
  await tx.$executeRawUnsafe(
    `INSERT INTO "earnings_lots" ("entryId", "streamerId", "campaignId", "currency", "amountCents", "earnedAt", "availableAt")
     SELECT e, s, c, cur, a, $6::timestamptz, $7::timestamptz
     FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::bigint[]) AS v(e, s, c, cur, a)`,
    plainArrayLiteral(lots.map((lot) => lot.entryId)),
    plainArrayLiteral(lots.map((lot) => lot.streamerId)),
    plainArrayLiteral(lots.map((lot) => lot.campaignId)),
    plainArrayLiteral(lots.map((lot) => lot.currency)),
    plainArrayLiteral(lots.map((lot) => lot.amountCents)),
    earnedAt,
    availableAt,
  );
  // One event per streamer and campaign of this transaction, not one per hour.
  const totals = new Map<string, EarningsLotDraft>();
  for (const lot of lots) {
    const key = `${lot.streamerId}|${lot.campaignId}|${lot.currency}`;
    const total = totals.get(key);
    totals.set(key, total ? { ...total, amountCents: total.amountCents + lot.amountCents } : lot);
  }
  await recordEvents(
    tx,
    'payment.earnings_credited',
    [...totals.values()].map((total) => ({
      streamerId: total.streamerId,
      campaignId: total.campaignId,
      amountCents: cents(total.amountCents),
      currency: total.currency,
      availableAt: availableAt.toISOString(),
    })),
  );
}

/**
 * Moves earnings whose hold has passed from pending to available (`mature:<lotId>`), up to `limit`
 * lots per call; returns how many matured. Safe to run concurrently and again: each lot is taken
 * under a row lock (skipping locked ones) and its key takes effect once.
 */
export async function matureEarnings(
  tx: PaymentSql,
  context: MoneyContext,
  limit = 1000,
): Promise<number> {
  const now = context.now();
  const due = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT "id", "streamerId", "currency", "amountCents"::text FROM "earnings_lots"
     WHERE "maturedAt" IS NULL AND "heldByDisputeId" IS NULL AND "availableAt" <= $1::timestamptz
     ORDER BY "availableAt", "id" LIMIT $2 FOR UPDATE SKIP LOCKED`,
    now,
    limit,
  );
  if (due.length === 0) return 0;
  const requests: EntryRequest[] = due.map((lot) => {
    const streamerId = lot.streamerId as string;
    const currency = lot.currency as string;
    const amount = toBigInt(lot.amountCents);
    return {
      idempotencyKey: `mature:${String(lot.id)}`,
      kind: 'earnings_mature',
      cause: { lotId: String(lot.id), streamerId },
      postings: [
        { account: accounts.streamerPending(streamerId, currency), direction: 'debit', amount },
        { account: accounts.streamerAvailable(streamerId, currency), direction: 'credit', amount },
      ],
    };
  });
  await postEntries(tx, requests, now);
  await tx.$executeRawUnsafe(
    `UPDATE "earnings_lots" SET "maturedAt" = $2::timestamptz WHERE "id" = ANY($1::bigint[])`,
    due.map((lot) => String(lot.id)),
    now,
  );
  const byStreamer = new Map<string, { currency: string; amount: bigint }>();
  for (const lot of due) {
    const key = `${String(lot.streamerId)}|${String(lot.currency)}`;
    const total = byStreamer.get(key) ?? { currency: lot.currency as string, amount: 0n };
    total.amount += toBigInt(lot.amountCents);
    byStreamer.set(key, total);
  }
  await recordEvents(
    tx,
    'payment.earnings_available',
    [...byStreamer].map(([key, total]) => ({
      streamerId: key.split('|')[0]!,
      amountCents: cents(total.amount),
      currency: total.currency,
    })),
  );
  return due.length;
}
