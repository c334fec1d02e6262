import type { PaymentSql } from '../database';
import { toBigInt } from '../database';

export interface LedgerProblem {
  kind:
    'unbalanced_entry' | 'cached_balance_differs' | 'negative_liability' | 'hold_resolved_twice';
  detail: string;
}

export interface LedgerCheckReport {
  entries: number;
  accounts: number;
  problems: LedgerProblem[];
}

/**
 * Rebuilds every account's balances from the postings and compares them with the cached ones;
 * checks that every entry sums to zero and that no liability is below zero. An empty `problems`
 * list is a ledger that agrees with its journal.
 */
export async function checkLedger(sql: PaymentSql): Promise<LedgerCheckReport> {
  // One snapshot for every query below, so writes committing meanwhile cannot look like differences.
  await sql.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  const problems: LedgerProblem[] = [];
  const unbalanced = await sql.$queryRawUnsafe<Array<{ idempotencyKey: string; net: unknown }>>(
    `SELECT e."idempotencyKey", COALESCE(SUM(CASE p."direction" WHEN 'debit' THEN p."amount" ELSE -p."amount" END), 0)::text AS net
     FROM "journal_entries" e LEFT JOIN "ledger_postings" p ON p."entryId" = e."id"
     GROUP BY e."id", e."idempotencyKey", e."phase"
     HAVING COALESCE(SUM(CASE p."direction" WHEN 'debit' THEN p."amount" ELSE -p."amount" END), 0) <> 0
        OR (e."phase" <> 'void' AND COUNT(p."id") < 2)`,
  );
  for (const row of unbalanced) {
    problems.push({
      kind: 'unbalanced_entry',
      detail: `${row.idempotencyKey} sums to ${String(row.net)}`,
    });
  }

  const accounts = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `WITH rebuilt AS (
       SELECT p."accountId",
         SUM(p."amount") FILTER (WHERE NOT p."pending" AND p."direction" = 'debit') AS pd,
         SUM(p."amount") FILTER (WHERE NOT p."pending" AND p."direction" = 'credit') AS pc,
         SUM(p."amount") FILTER (WHERE p."pending" AND r."id" IS NULL AND p."direction" = 'debit') AS qd,
         SUM(p."amount") FILTER (WHERE p."pending" AND r."id" IS NULL AND p."direction" = 'credit') AS qc
       FROM "ledger_postings" p
       LEFT JOIN "journal_entries" r ON r."resolvesEntryId" = p."entryId"
       GROUP BY p."accountId")
     SELECT a."code", a."allowsNegative", a."normalBalance",
       a."postedDebits"::text AS "cachedPd", a."postedCredits"::text AS "cachedPc",
       a."pendingDebits"::text AS "cachedQd", a."pendingCredits"::text AS "cachedQc",
       COALESCE(b.pd, 0)::text AS pd, COALESCE(b.pc, 0)::text AS pc, COALESCE(b.qd, 0)::text AS qd, COALESCE(b.qc, 0)::text AS qc
     FROM "ledger_accounts" a LEFT JOIN rebuilt b ON b."accountId" = a."id"`,
  );
  for (const row of accounts) {
    const rebuilt = [row.pd, row.pc, row.qd, row.qc].map(toBigInt);
    const cached = [row.cachedPd, row.cachedPc, row.cachedQd, row.cachedQc].map(toBigInt);
    if (rebuilt.some((value, index) => value !== cached[index])) {
      problems.push({
        kind: 'cached_balance_differs',
        detail: `${String(row.code)}: cached ${cached.join('/')} vs journal ${rebuilt.join('/')} (posted debits/credits, pending debits/credits)`,
      });
    }
    const [pd, pc, qd] = rebuilt as [bigint, bigint, bigint, bigint];
    if (!row.allowsNegative && row.normalBalance === 'credit' && pc - pd - qd < 0n) {
      problems.push({
        kind: 'negative_liability',
        detail: `${String(row.code)} is at ${pc - pd - qd}`,
      });
    }
  }

  const twice = await sql.$queryRawUnsafe<Array<{ resolvesEntryId: unknown }>>(
    `SELECT "resolvesEntryId" FROM "journal_entries" WHERE "resolvesEntryId" IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1`,
  );
  for (const row of twice)
    problems.push({ kind: 'hold_resolved_twice', detail: `entry ${String(row.resolvesEntryId)}` });

  const [count] = await sql.$queryRawUnsafe<Array<{ n: unknown }>>(
    `SELECT COUNT(*)::text AS n FROM "journal_entries"`,
  );
  return { entries: Number(toBigInt(count!.n)), accounts: accounts.length, problems };
}
