import type pg from 'pg';
import type { SqlExecutor } from './outbox';

export type TransactionRunner = <T>(work: (tx: SqlExecutor) => Promise<T>) => Promise<T>;

/** A transaction runner on a plain `pg` pool, for code that does not use Prisma (and for tests). */
export function pgTransactionRunner(pool: pg.Pool): TransactionRunner {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        $executeRawUnsafe: async (query, ...values) =>
          (await client.query(query, values)).rowCount ?? 0,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}
