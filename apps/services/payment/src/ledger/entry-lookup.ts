import type { PaymentSql } from '../database';
import { toBigInt } from '../database';

/**
 * Serializes the operations of one idempotency key for the rest of the transaction, so one that
 * computes its amounts from balances can look for an earlier result before computing.
 */
export async function lockIdempotencyKey(tx: PaymentSql, key: string) {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, key);
}

/** The entry written under `key`, with what it moved on each account, or null. */
export async function findEntry(
  sql: PaymentSql,
  key: string,
): Promise<{
  entryId: bigint;
  postings: Array<{ accountCode: string; direction: string; amount: bigint }>;
} | null> {
  const rows = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT e."id", a."code", p."direction", p."amount"::text
     FROM "journal_entries" e
     LEFT JOIN "ledger_postings" p ON p."entryId" = e."id"
     LEFT JOIN "ledger_accounts" a ON a."id" = p."accountId"
     WHERE e."idempotencyKey" = $1 ORDER BY p."id"`,
    key,
  );
  const first = rows[0];
  if (!first) return null;
  return {
    entryId: toBigInt(first.id),
    postings: rows
      .filter((row) => row.code !== null)
      .map((row) => ({
        accountCode: row.code as string,
        direction: row.direction as string,
        amount: toBigInt(row.amount),
      })),
  };
}
