import type { WalletTransactionKind } from '@gametriggers/contracts';
import { keysetCursor, cursorParts } from '@gametriggers/contracts';
import type { CursorPart, Page } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import { z } from 'zod';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { balanceOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import { campaignBudget } from '../money/campaign-budget';
import { readCampaignTerms } from '../money/campaign-terms';
import { cents } from '../money/money-context';

const CURRENCY = 'USD';

export interface WalletSummary {
  currency: string;
  availableCents: number;
  /** What the brand's running campaigns still hold in escrow. */
  reservedCents: number;
  /** Everything its campaigns have been charged. */
  spentCents: number;
  campaigns: Array<{
    campaignId: string;
    reservedCents: number;
    spentCents: number;
    leftCents: number;
  }>;
}

export async function walletSummary(sql: PaymentSql, brandId: string): Promise<WalletSummary> {
  const wallet = await balanceOf(sql, accounts.brandWallet(brandId, CURRENCY).code);
  const rows = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT t."campaignId", t."budgetCents"::text, t."spentCents"::text, t."status",
            COALESCE(a."postedCredits" - a."postedDebits" - a."pendingDebits", 0)::text AS "leftCents"
     FROM "campaign_terms" t
     LEFT JOIN "ledger_accounts" a ON a."code" = 'campaign:' || t."campaignId" || ':escrow:' || t."currency"
     WHERE t."brandId" = $1::uuid
     ORDER BY t."createdAt" DESC, t."campaignId"`,
    brandId,
  );
  const campaigns = rows.map((row) => ({
    campaignId: row.campaignId as string,
    status: row.status as string,
    reservedCents: cents(toBigInt(row.budgetCents)),
    spentCents: cents(toBigInt(row.spentCents)),
    leftCents: cents(toBigInt(row.leftCents)),
  }));
  return {
    currency: CURRENCY,
    availableCents: cents(wallet.available),
    reservedCents: campaigns.reduce((sum, campaign) => sum + campaign.leftCents, 0),
    spentCents: campaigns.reduce((sum, campaign) => sum + campaign.spentCents, 0),
    campaigns: campaigns
      .filter((campaign) => campaign.status === 'reserved')
      .map(({ campaignId, reservedCents, spentCents, leftCents }) => ({
        campaignId,
        reservedCents,
        spentCents,
        leftCents,
      })),
  };
}

/** A posting id (bigint) inside a cursor. */
const postingIdPart: CursorPart<string> = {
  toWire: (value) => value,
  wire: z.string().regex(/^\d{1,18}$/),
};
const transactionsCursor = keysetCursor('payment.wallet.transactions', {
  createdAt: cursorParts.instant,
  id: postingIdPart,
});

export interface WalletTransaction {
  id: string;
  kind: WalletTransactionKind;
  /** Money into the wallet (`in`) or out of it (`out`). */
  direction: 'in' | 'out';
  amountCents: number;
  /** The wallet's available balance right after it. */
  balanceAfterCents: number;
  /** A hold not yet settled (a refund in progress). */
  pending: boolean;
  campaignId: string | null;
  createdAt: Date;
}

/** The brand's wallet movements, newest first, a keyset page at a time. */
export async function walletTransactions(
  sql: PaymentSql,
  brandId: string,
  input: {
    cursor?: string;
    limit: number;
    kinds?: WalletTransactionKind[];
    from?: Date;
    to?: Date;
  },
): Promise<Page<WalletTransaction>> {
  const after = transactionsCursor.decodeOptional(input.cursor);
  const rows = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT p."id"::text, e."kind", p."direction", p."amount"::text, p."balanceAfter"::text, p."pending",
            e."cause"->>'campaignId' AS "campaignId", p."createdAt"
     FROM "ledger_postings" p
     JOIN "ledger_accounts" a ON a."id" = p."accountId"
     JOIN "journal_entries" e ON e."id" = p."entryId"
     WHERE a."code" = $1
       -- A settled hold shows as what settled it (or, voided, not at all).
       AND NOT (p."pending" AND EXISTS (SELECT 1 FROM "journal_entries" r WHERE r."resolvesEntryId" = e."id"))
       AND ($2::text[] IS NULL OR e."kind" = ANY($2::text[]))
       AND ($3::timestamptz IS NULL OR p."createdAt" >= $3::timestamptz)
       AND ($4::timestamptz IS NULL OR p."createdAt" < $4::timestamptz)
       AND ($5::timestamptz IS NULL OR (p."createdAt", p."id") < ($5::timestamptz, $6::bigint))
     ORDER BY p."createdAt" DESC, p."id" DESC
     LIMIT $7`,
    accounts.brandWallet(brandId, CURRENCY).code,
    input.kinds && input.kinds.length > 0 ? input.kinds : null,
    input.from ?? null,
    input.to ?? null,
    after?.createdAt ?? null,
    after?.id ?? null,
    input.limit + 1,
  );
  const items = rows.slice(0, input.limit).map((row) => ({
    id: row.id as string,
    kind: row.kind as WalletTransactionKind,
    direction: row.direction === 'credit' ? ('in' as const) : ('out' as const),
    amountCents: cents(toBigInt(row.amount)),
    balanceAfterCents: cents(toBigInt(row.balanceAfter)),
    pending: row.pending as boolean,
    campaignId: (row.campaignId as string | null) ?? null,
    createdAt: new Date(row.createdAt as Date),
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? transactionsCursor.encode({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}

/** One of the brand's campaigns' budget; another brand's campaign reads as not found. */
export async function brandCampaignBudget(sql: PaymentSql, brandId: string, campaignId: string) {
  const terms = await readCampaignTerms(sql, campaignId);
  if (!terms || terms.brandId !== brandId) {
    throw new DomainError(
      'not_found',
      'campaign_not_found',
      'This campaign has no budget reserved yet.',
    );
  }
  return campaignBudget(sql, campaignId);
}
