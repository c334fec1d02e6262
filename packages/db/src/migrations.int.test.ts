import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withDatabaseName } from './connection-url';
import { dropDatabase, ensureDatabase } from './database-lifecycle';
import { applyMigrations } from './migrations';
import { prepareDatabase } from './prepare-database';

const server = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const url = withDatabaseName(server, `gt_db_kit_${process.pid}_${Date.now()}`);
afterAll(() => dropDatabase(url));

function migrationsDir(migrations: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gt-migrations-'));
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function tables() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  await client.end();
  return rows.map((row) => row.tablename);
}

describe('database kit', () => {
  it('creates the database once', async () => {
    expect(await ensureDatabase(url)).toBe(true);
    expect(await ensureDatabase(url)).toBe(false);
  });

  it('applies pending migrations in order, once, and records them like Prisma', async () => {
    const dir = migrationsDir({
      '001_a': 'CREATE TABLE a (id int primary key);',
      '002_b': 'CREATE TABLE b (id int references a(id));',
    });
    const first = await prepareDatabase(url, dir);
    expect(first.applied).toEqual(['001_a', '002_b']);
    const again = await applyMigrations(url, dir);
    expect(again).toEqual({ applied: [], alreadyApplied: 2 });
    expect(await tables()).toEqual(['_prisma_migrations', 'a', 'b']);
  });

  it('rolls back a failing migration and reports it', async () => {
    const dir = migrationsDir({
      '001_a': 'CREATE TABLE a (id int primary key);',
      '002_b': 'CREATE TABLE b (id int references a(id));',
      '003_bad': 'CREATE TABLE c (id int); SELECT * FROM missing_table;',
    });
    await expect(applyMigrations(url, dir)).rejects.toThrow(/003_bad failed/);
    expect(await tables()).not.toContain('c');
  });

  it('refuses a migration edited after it was applied', async () => {
    const dir = migrationsDir({ '001_a': 'CREATE TABLE a (id int primary key, edited int);' });
    await expect(applyMigrations(url, dir)).rejects.toThrow(/changed after it was applied/);
  });
});
