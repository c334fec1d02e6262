import path from 'node:path';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import type { TestDatabase, TestRedisNamespace } from '@gametriggers/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * A test file's store for the events kit: a fresh database with the outbox tables (and a ledger the
 * handlers write), a Redis namespace, and cleanups run after each test, which empties both.
 */
export function useEventsStore(name: string) {
  const store = {
    database: undefined as unknown as TestDatabase,
    redis: undefined as unknown as TestRedisNamespace,
    pool: undefined as unknown as pg.Pool,
    /** Run (last first) after each test: consumers and relays stopped, queues closed. */
    cleanups: [] as Array<() => Promise<unknown>>,
  };
  beforeAll(async () => {
    store.database = await createTestDatabase(path.join(import.meta.dirname, 'migrations'), name);
    store.redis = createTestRedisNamespace(name.replaceAll('_', '-'));
    store.pool = new pg.Pool({ connectionString: store.database.url });
  });
  afterEach(async () => {
    for (const cleanup of store.cleanups.splice(0).reverse()) await cleanup();
    await store.pool.query('TRUNCATE "outbox_events", "processed_events", "accounts", "ledger"');
    await store.redis.clear();
  });
  afterAll(async () => {
    await store.pool.end();
    await store.database.drop();
  });
  return store;
}
