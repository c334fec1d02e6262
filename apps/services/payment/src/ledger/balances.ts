import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { FEE_SHARDS, accounts } from './chart-of-accounts';
import { availableBalance } from './post-entries';

export interface AccountBalances {
  posted: bigint;
  /** Posted less what pending holds take out: what can be spent. */
  available: bigint;
  pendingDebits: bigint;
  pendingCredits: bigint;
}

const empty: AccountBalances = { posted: 0n, available: 0n, pendingDebits: 0n, pendingCredits: 0n };

/** The cached balances of accounts by code; an account never posted to reads as zero. */
export async function balancesOf(
  sql: PaymentSql,
  codes: string[],
): Promise<Map<string, AccountBalances>> {
  const rows = await sql.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT "code", "normalBalance", "postedDebits"::text, "postedCredits"::text, "pendingDebits"::text, "pendingCredits"::text
     FROM "ledger_accounts" WHERE "code" = ANY($1::text[])`,
    codes,
  );
  const found = new Map<string, AccountBalances>(codes.map((code) => [code, empty]));
  for (const row of rows) {
    const account = {
      normalBalance: row.normalBalance as string,
      postedDebits: toBigInt(row.postedDebits),
      postedCredits: toBigInt(row.postedCredits),
      pendingDebits: toBigInt(row.pendingDebits),
      pendingCredits: toBigInt(row.pendingCredits),
    };
    const posted =
      account.normalBalance === 'credit'
        ? account.postedCredits - account.postedDebits
        : account.postedDebits - account.postedCredits;
    found.set(row.code as string, {
      posted,
      available: availableBalance(account),
      pendingDebits: account.pendingDebits,
      pendingCredits: account.pendingCredits,
    });
  }
  return found;
}

export async function balanceOf(sql: PaymentSql, code: string): Promise<AccountBalances> {
  return (await balancesOf(sql, [code])).get(code)!;
}

/** The platform's fees: the sum of its shards. */
export async function platformFeesBalance(sql: PaymentSql, currency = 'USD'): Promise<bigint> {
  const codes = Array.from(
    { length: FEE_SHARDS },
    (_, shard) => accounts.platformFees(shard, currency).code,
  );
  let total = 0n;
  for (const balances of (await balancesOf(sql, codes)).values()) total += balances.posted;
  return total;
}
