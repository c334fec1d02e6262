import { createPgAdapter } from '@gametriggers/db';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type PaymentDb = PrismaClient;

/**
 * The SQL a money operation runs inside its transaction: a `pg` client (the service's own runner)
 * or a Prisma transaction client (a caller that adds its own rows to the same transaction) both fit.
 * Values come back as the driver gives them; read bigints with `toBigInt`.
 */
export interface PaymentSql {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export type PaymentTransactionRunner = <T>(work: (tx: PaymentSql) => Promise<T>) => Promise<T>;

export function createPaymentDb(databaseUrl: string): PaymentDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}

export function createPaymentPool(databaseUrl: string, size = 10) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: size });
  // An idle connection closed by the server (a restart, a dropped test database) is not an error of
  // any transaction: the pool drops it and opens another when one is needed.
  pool.on('error', () => undefined);
  return pool;
}

// Deadlock and serialization failures: the transaction did nothing and may simply run again.
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

/**
 * Runs `work` in one READ COMMITTED transaction on a pooled connection, again (from scratch) when
 * PostgreSQL chose it as a deadlock victim.
 */
export function pgPaymentTransactions(pool: pg.Pool): PaymentTransactionRunner {
  return async (work) => {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: PaymentSql = {
          $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
            (await client.query(query, values)).rows as T,
          $executeRawUnsafe: async (query, ...values) =>
            (await client.query(query, values)).rowCount ?? 0,
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (attempt < MAX_ATTEMPTS && code && RETRYABLE_SQLSTATES.has(code)) continue;
        throw error;
      } finally {
        client.release();
      }
    }
  };
}

/** A bigint column as the driver returned it (bigint from Prisma, text from pg). */
export function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' || typeof value === 'string') return BigInt(value);
  throw new TypeError(`Not an integer: ${String(value)}`);
}

/**
 * A PostgreSQL array literal (`{1,2,3}`) for values that never need quoting: integers, bigints,
 * booleans, UUIDs, ISO timestamps without spaces; `null` is NULL. Passed as one text parameter and
 * cast in SQL (`$1::bigint[]`), it spares the driver escaping every element of the hot paths'
 * thousand-row batches. Anything else (free text, JSON) goes as a JavaScript array.
 */
export function plainArrayLiteral(
  values: ReadonlyArray<bigint | number | boolean | string | null>,
): string {
  let literal = '{';
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (index > 0) literal += ',';
    if (value === null) literal += 'NULL';
    else if (typeof value === 'boolean') literal += value ? 't' : 'f';
    else if (typeof value === 'string') {
      if (!/^[0-9A-Za-z:.+-]+$/.test(value))
        throw new TypeError(`Not a plain array element: ${value}`);
      literal += value;
    } else literal += String(value);
  }
  return `${literal}}`;
}
