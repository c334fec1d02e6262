import type { MoneyAccountInput, MoneyAccountSort, MoneyHolder } from '@gametriggers/contracts';
import type { listMoneyAccountsInputSchema } from '@gametriggers/contracts';
import type { z } from 'zod';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { cents } from '../money/money-context';
import { freezeOf } from './freezes';

// One row per brand (its wallet; reserved = what its campaigns' escrows still hold; pending = refunds
// in flight) or per streamer (available earnings; reserved = withdrawals in flight; pending = earnings
// not yet available). Owners with no account yet appear when frozen.
const holderRows: Record<MoneyHolder, string> = {
  brand: `
    SELECT o."ownerId",
      COALESCE(w."postedCredits" - w."postedDebits" - w."pendingDebits", 0) AS "available",
      COALESCE((SELECT SUM(e."postedCredits" - e."postedDebits" - e."pendingDebits")
        FROM "campaign_terms" t JOIN "ledger_accounts" e ON e."code" = 'campaign:' || t."campaignId"::text || ':escrow:USD'
        WHERE t."brandId" = o."ownerId"), 0) AS "reserved",
      COALESCE(w."pendingDebits", 0) AS "pending",
      (SELECT MAX(p."createdAt") FROM "ledger_postings" p WHERE p."accountId" = w."id") AS "lastActivity"
    FROM (SELECT "ownerId" FROM "ledger_accounts" WHERE "kind" = 'brand_wallet' AND "currency" = 'USD'
          UNION SELECT "ownerId" FROM "money_freezes" WHERE "holder" = 'brand') o
    LEFT JOIN "ledger_accounts" w ON w."code" = 'brand:' || o."ownerId"::text || ':wallet:USD'`,
  streamer: `
    SELECT o."ownerId",
      COALESCE(av."postedCredits" - av."postedDebits" - av."pendingDebits", 0) AS "available",
      COALESCE(av."pendingDebits", 0) AS "reserved",
      COALESCE(pe."postedCredits" - pe."postedDebits", 0) AS "pending",
      (SELECT MAX(p."createdAt") FROM "ledger_postings" p WHERE p."accountId" IN (av."id", pe."id")) AS "lastActivity"
    FROM (SELECT "ownerId" FROM "ledger_accounts" WHERE "kind" IN ('streamer_pending', 'streamer_available') AND "currency" = 'USD'
          UNION SELECT "ownerId" FROM "money_freezes" WHERE "holder" = 'streamer') o
    LEFT JOIN "ledger_accounts" av ON av."code" = 'streamer:' || o."ownerId"::text || ':earnings_available:USD'
    LEFT JOIN "ledger_accounts" pe ON pe."code" = 'streamer:' || o."ownerId"::text || ':earnings_pending:USD'`,
};

const sortColumn: Record<MoneyAccountSort, string> = {
  available: 'r."available"',
  reserved: 'r."reserved"',
  pending: 'r."pending"',
  lastActivity: 'r."lastActivity"',
};

export interface MoneyAccountRow {
  holder: MoneyHolder;
  ownerId: string;
  currency: 'USD';
  availableCents: number;
  reservedCents: number;
  pendingCents: number;
  lastActivityAt: Date | null;
  frozen: boolean;
  frozenReason: string | null;
  frozenAt: Date | null;
}

interface RowFilter {
  ownerId?: string;
  search?: string;
  frozenOnly: boolean;
  sort: MoneyAccountSort;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

async function accountRows(tx: PaymentSql, holder: MoneyHolder, filter: RowFilter) {
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT r."ownerId"::text AS "ownerId", r."available"::text AS "available", r."reserved"::text AS "reserved",
       r."pending"::text AS "pending", r."lastActivity", f."reason" AS "frozenReason", f."frozenAt",
       COUNT(*) OVER () AS "total"
     FROM (${holderRows[holder]}) r
     LEFT JOIN "money_freezes" f ON f."holder" = $1 AND f."ownerId" = r."ownerId"
     WHERE ($2::uuid IS NULL OR r."ownerId" = $2::uuid)
       AND ($3::text IS NULL OR starts_with(r."ownerId"::text, lower($3::text)))
       AND (NOT $4::boolean OR f."ownerId" IS NOT NULL)
     ORDER BY ${sortColumn[filter.sort]} ${filter.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, r."ownerId" ASC
     LIMIT $5 OFFSET $6`,
    holder,
    filter.ownerId ?? null,
    filter.search ?? null,
    filter.frozenOnly,
    filter.limit,
    filter.offset,
  );
  return {
    total: rows.length > 0 ? Number(rows[0]!.total) : 0,
    items: rows.map(
      (row): MoneyAccountRow => ({
        holder,
        ownerId: row.ownerId as string,
        currency: 'USD',
        availableCents: cents(toBigInt(row.available)),
        reservedCents: cents(toBigInt(row.reserved)),
        pendingCents: cents(toBigInt(row.pending)),
        lastActivityAt: (row.lastActivity as Date | null) ?? null,
        frozen: row.frozenAt !== null,
        frozenReason: (row.frozenReason as string | null) ?? null,
        frozenAt: (row.frozenAt as Date | null) ?? null,
      }),
    ),
  };
}

/** One page of brand wallets or streamer earnings accounts, sorted and filtered in the database. */
export async function listMoneyAccounts(
  tx: PaymentSql,
  input: z.output<typeof listMoneyAccountsInputSchema>,
) {
  const { items, total } = await accountRows(tx, input.holder, {
    search: input.search,
    frozenOnly: input.frozenOnly,
    sort: input.sort,
    direction: input.direction,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { items, total, page: input.page, pageSize: input.pageSize };
}

const RECENT_ENTRIES = 25;

interface AccountEntry {
  id: string;
  kind: string;
  /** For a streamer: the available or the pending earnings. */
  account: 'available' | 'pending';
  direction: 'in' | 'out';
  amountCents: number;
  balanceAfterCents: number;
  pending: boolean;
  reason: string | null;
  createdAt: Date;
}

/** One account's balances, freeze and most recent movements (an owner with no money reads as zeros). */
export async function moneyAccountDetail(tx: PaymentSql, input: MoneyAccountInput) {
  const { items } = await accountRows(tx, input.holder, {
    ownerId: input.ownerId,
    frozenOnly: false,
    sort: 'available',
    direction: 'desc',
    limit: 1,
    offset: 0,
  });
  const freeze = await freezeOf(tx, input.holder, input.ownerId);
  const account: MoneyAccountRow = items[0] ?? {
    holder: input.holder,
    ownerId: input.ownerId,
    currency: 'USD',
    availableCents: 0,
    reservedCents: 0,
    pendingCents: 0,
    lastActivityAt: null,
    frozen: freeze !== null,
    frozenReason: freeze?.reason ?? null,
    frozenAt: freeze?.frozenAt ?? null,
  };
  const kinds = input.holder === 'brand' ? ['brand_wallet'] : ['streamer_available', 'streamer_pending'];
  const entries = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT p."id"::text AS "id", e."kind", a."kind" AS "accountKind", p."direction", p."amount"::text AS "amount",
       p."balanceAfter"::text AS "balanceAfter", p."pending", p."createdAt", e."cause"->>'reason' AS "reason"
     FROM "ledger_accounts" a
     JOIN "ledger_postings" p ON p."accountId" = a."id"
     JOIN "journal_entries" e ON e."id" = p."entryId"
     WHERE a."ownerId" = $1::uuid AND a."kind" = ANY($2::text[])
     ORDER BY p."createdAt" DESC, p."id" DESC
     LIMIT ${RECENT_ENTRIES}`,
    input.ownerId,
    kinds,
  );
  return {
    ...account,
    frozenBy: freeze?.frozenBy ?? null,
    recentEntries: entries.map((row): AccountEntry => ({
      id: row.id as string,
      kind: row.kind as string,
      account: row.accountKind === 'streamer_pending' ? 'pending' : 'available',
      direction: row.direction === 'credit' ? 'in' : 'out',
      amountCents: cents(toBigInt(row.amount)),
      balanceAfterCents: cents(toBigInt(row.balanceAfter)),
      pending: row.pending as boolean,
      reason: (row.reason as string | null) ?? null,
      createdAt: row.createdAt as Date,
    })),
  };
}
