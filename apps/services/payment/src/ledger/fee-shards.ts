import type { PaymentSql } from '../database';
import type { AccountSpec } from './chart-of-accounts';
import { FEE_SHARDS, accounts } from './chart-of-accounts';

/**
 * Locks a fee shard for the rest of the transaction and returns it: the preferred one (the key's
 * hash) when it is free, else any free one, so concurrent charges credit different rows instead of
 * queueing on one. Only when all are busy does it wait, for the preferred one.
 */
export async function claimFeeShard(
  tx: PaymentSql,
  currency: string,
  preferred: number,
): Promise<AccountSpec> {
  const shards = Array.from({ length: FEE_SHARDS }, (_, shard) =>
    accounts.platformFees(shard, currency),
  );
  const wanted = shards[preferred]!;
  const free = async () =>
    tx.$queryRawUnsafe<Array<{ code: string }>>(
      `SELECT "code" FROM "ledger_accounts" WHERE "code" = ANY($1::text[])
       ORDER BY ("code" = $2) DESC, "id" LIMIT 1 FOR UPDATE SKIP LOCKED`,
      shards.map((shard) => shard.code),
      wanted.code,
    );
  let [row] = await free();
  if (!row) {
    const [{ existing } = { existing: 0 }] = await tx.$queryRawUnsafe<Array<{ existing: number }>>(
      `SELECT COUNT(*)::int AS existing FROM "ledger_accounts" WHERE "code" = ANY($1::text[])`,
      shards.map((shard) => shard.code),
    );
    if (existing < FEE_SHARDS) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "ledger_accounts" ("code", "kind", "currency", "normalBalance", "allowsNegative")
         SELECT code, 'platform_fees', $2, 'credit', false FROM unnest($1::text[]) AS code ON CONFLICT ("code") DO NOTHING`,
        shards.map((shard) => shard.code),
        currency,
      );
      [row] = await free();
    }
  }
  if (row) return shards.find((shard) => shard.code === row.code)!;
  await tx.$queryRawUnsafe(
    `SELECT 1 FROM "ledger_accounts" WHERE "code" = $1 FOR UPDATE`,
    wanted.code,
  );
  return wanted;
}
