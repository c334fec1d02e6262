export { databaseNameOf, maintenanceUrl, redact, withDatabaseName } from './connection-url';
export { dropDatabase, ensureDatabase } from './database-lifecycle';
export { applyMigrations, readMigrations } from './migrations';
export type { Migration, MigrationResult } from './migrations';
export { createPgAdapter, databasePoolUsage } from './pg-adapter';
export type { DatabasePoolUsage, PgAdapterOptions } from './pg-adapter';
export { prepareDatabase } from './prepare-database';
