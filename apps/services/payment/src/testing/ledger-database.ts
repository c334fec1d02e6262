import { createTestDatabase } from '@gametriggers/testing';
import type { PaymentSql } from '../database';
import { createPaymentPool, pgPaymentTransactions } from '../database';
import { paymentMigrationsDir } from './payment-harness';

/** A fresh migrated payment database and a transaction runner on it, for tests of the ledger without the service. */
export async function createLedgerTestDatabase(label: string, poolSize = 6) {
  const database = await createTestDatabase(paymentMigrationsDir, label);
  const pool = createPaymentPool(database.url, poolSize);
  const transaction = pgPaymentTransactions(pool);
  return {
    url: database.url,
    pool,
    transaction,
    /** A statement outside any transaction of ours (what a person typing SQL would run). */
    raw: (query: string, ...values: unknown[]) => pool.query(query, values),
    read: <T>(work: (tx: PaymentSql) => Promise<T>) => transaction(work),
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}
export type LedgerTestDatabase = Awaited<ReturnType<typeof createLedgerTestDatabase>>;
