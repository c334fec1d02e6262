import { randomBytes } from 'node:crypto';
import { applyMigrations, dropDatabase, ensureDatabase, withDatabaseName } from '@gametriggers/db';

/** The PostgreSQL server tests run against; its databases are created and dropped per test file. */
export const testServerUrl =
  process.env.TEST_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with `migrationsDir` applied; call `drop()` in `afterAll`. */
export async function createTestDatabase(
  migrationsDir: string,
  label = 'test',
): Promise<TestDatabase> {
  const name = `gt_${label.replace(/\W/g, '_').slice(0, 30)}_${randomBytes(5).toString('hex')}`;
  const url = withDatabaseName(testServerUrl, name);
  await ensureDatabase(url);
  await applyMigrations(url, migrationsDir);
  return { url, drop: () => dropDatabase(url) };
}
