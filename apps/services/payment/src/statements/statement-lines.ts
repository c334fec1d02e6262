import type { PaymentSql } from '../database';

export interface StatementLine {
  at: Date;
  entryId: string;
  kind: string;
  /** `wallet`, `pending` or `available`. */
  account: string;
  /** Signed: money in is positive. */
  amountCents: number;
  balanceAfterCents: number;
}

export interface Statement {
  owner: 'brand' | 'streamer';
  ownerId: string;
  /** `2026-03` */
  month: string;
  from: Date;
  to: Date;
  accounts: Array<{ account: string; openingCents: number; closingCents: number }>;
  lines: StatementLine[];
}

export function monthRange(month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, monthNumber - 1, 1)), to: new Date(Date.UTC(year, monthNumber, 1)) };
}

/**
 * A month of the owner's accounts, from the journal: the posted movements in order with the
 * running balance, and each account's balance at the start and end of the month.
 */
export async function buildStatement(
  sql: PaymentSql,
  owner: 'brand' | 'streamer',
  ownerId: string,
  month: string,
): Promise<Statement> {
  const { from, to } = monthRange(month);
  const codes =
    owner === 'brand'
      ? [{ code: `brand:${ownerId}:wallet:USD`, account: 'wallet' }]
      : [
          { code: `streamer:${ownerId}:earnings_pending:USD`, account: 'pending' },
          { code: `streamer:${ownerId}:earnings_available:USD`, account: 'available' },
        ];
  const accounts: Statement['accounts'] = [];
  const lines: StatementLine[] = [];
  for (const { code, account } of codes) {
    const opening = await sql.$queryRawUnsafe<Array<{ balance: string }>>(
      `SELECT COALESCE(SUM(CASE p."direction" WHEN 'credit' THEN p."amount" ELSE -p."amount" END), 0)::text AS "balance"
       FROM "ledger_postings" p JOIN "ledger_accounts" a ON a."id" = p."accountId"
       WHERE a."code" = $1 AND NOT p."pending" AND p."createdAt" < $2`,
      code,
      from,
    );
    const rows = await sql.$queryRawUnsafe<Array<{ createdAt: Date; entryId: string; kind: string; direction: string; amount: string }>>(
      `SELECT p."createdAt", p."entryId"::text AS "entryId", e."kind", p."direction", p."amount"::text
       FROM "ledger_postings" p JOIN "ledger_accounts" a ON a."id" = p."accountId" JOIN "journal_entries" e ON e."id" = p."entryId"
       WHERE a."code" = $1 AND NOT p."pending" AND p."createdAt" >= $2 AND p."createdAt" < $3
       ORDER BY p."createdAt", p."id"`,
      code,
      from,
      to,
    );
    let balance = Number(opening[0]?.balance ?? 0);
    const openingCents = balance;
    for (const row of rows) {
      const amountCents = (row.direction === 'credit' ? 1 : -1) * Number(row.amount);
      balance += amountCents;
      lines.push({ at: new Date(row.createdAt), entryId: row.entryId, kind: row.kind, account, amountCents, balanceAfterCents: balance });
    }
    accounts.push({ account, openingCents, closingCents: balance });
  }
  lines.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.entryId) - Number(b.entryId));
  return { owner, ownerId, month, from, to, accounts, lines };
}
