import pg from 'pg';
import { expect, it, vi } from 'vitest';
import { createPgAdapter, databasePoolUsage } from './pg-adapter';

const url = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const LOCK = 7_301;

it('reports how the pools behind Prisma are used, until they are ended', async () => {
  expect(databasePoolUsage()).toEqual({ total: 0, idle: 0, waiting: 0 });
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  await holder.query('SELECT pg_advisory_lock($1)', [LOCK]);
  const adapter = await createPgAdapter(url, { maxConnections: 1 }).connect();
  // On a pool of one: the first query holds the connection (waiting for the lock), the second waits for it.
  const running = Promise.all([
    adapter.queryRaw({ sql: `SELECT 1 AS x FROM pg_advisory_xact_lock(${LOCK})`, args: [], argTypes: [] }),
    adapter.queryRaw({ sql: 'SELECT 1 AS x', args: [], argTypes: [] }),
  ]);
  await vi.waitUntil(() => databasePoolUsage().waiting === 1, { timeout: 5_000 });
  expect(databasePoolUsage()).toEqual({ total: 1, idle: 0, waiting: 1 });
  await holder.query('SELECT pg_advisory_unlock($1)', [LOCK]);
  await holder.end();
  await running;
  expect(databasePoolUsage()).toEqual({ total: 1, idle: 1, waiting: 0 });
  // What `$disconnect()` does: the adapter ends the pool it was given.
  await adapter.dispose();
  expect(databasePoolUsage()).toEqual({ total: 0, idle: 0, waiting: 0 });
});
