import type { PlatformStatsRange } from '@gametriggers/contracts';
import type { PaymentSql } from '../database';
import { cents } from '../money/money-context';

/** Entries that spend a campaign's escrow: counted hours charged, and fixed fees paid out at the end. */
const SPENDING_ENTRY_KINDS = ['charge', 'fixed_pot'];

interface RevenueRow {
  bucketStart: Date;
  spend: bigint;
  fees: bigint;
}

/**
 * What brands' campaigns spent and the platform kept (its fee accounts' net credits) in the window,
 * per bucket, from the ledger's posted movements on the escrow and fee accounts.
 */
export async function platformRevenue(sql: PaymentSql, range: PlatformStatsRange) {
  const rows = await sql.$queryRawUnsafe<RevenueRow[]>(
    `SELECT date_trunc($1, p."createdAt", 'UTC') AS "bucketStart",
       coalesce(sum(p."amount") FILTER (
         WHERE a."kind" = 'campaign_escrow' AND p."direction" = 'debit' AND e."kind" = ANY($4::text[])
       ), 0)::bigint AS "spend",
       coalesce(sum(CASE WHEN p."direction" = 'credit' THEN p."amount" ELSE -p."amount" END)
         FILTER (WHERE a."kind" = 'platform_fees'), 0)::bigint AS "fees"
     FROM "ledger_postings" p
     JOIN "ledger_accounts" a ON a."id" = p."accountId"
     JOIN "journal_entries" e ON e."id" = p."entryId"
     WHERE a."kind" IN ('campaign_escrow', 'platform_fees') AND NOT p."pending"
       AND p."createdAt" >= $2 AND p."createdAt" < $3
     GROUP BY 1 ORDER BY 1`,
    range.granularity,
    range.from,
    range.to,
    SPENDING_ENTRY_KINDS,
  );
  const series = rows
    .map((row) => ({
      bucketStart: row.bucketStart,
      spendCents: cents(row.spend),
      feeCents: cents(row.fees),
    }))
    .filter((bucket) => bucket.spendCents !== 0 || bucket.feeCents !== 0);
  return {
    spendCents: series.reduce((sum, bucket) => sum + bucket.spendCents, 0),
    feeCents: series.reduce((sum, bucket) => sum + bucket.feeCents, 0),
    series,
  };
}
