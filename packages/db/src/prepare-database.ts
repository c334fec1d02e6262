import { redact } from './connection-url';
import { ensureDatabase } from './database-lifecycle';
import { applyMigrations } from './migrations';

/** Creates a service's database if it is missing and applies its pending migrations. */
export async function prepareDatabase(databaseUrl: string, migrationsDir: string) {
  const created = await ensureDatabase(databaseUrl);
  const migrations = await applyMigrations(databaseUrl, migrationsDir);
  return { database: redact(databaseUrl), created, ...migrations };
}
