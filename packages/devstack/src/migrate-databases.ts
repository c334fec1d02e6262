/** Creates each service's database on `DATABASE_SERVER_URL` if missing and applies its migrations (docker compose's `migrate`). */
import { prepareServiceDatabases } from './platform';

const databaseServerUrl = process.env.DATABASE_SERVER_URL;
if (!databaseServerUrl) {
  console.error('migrate-databases: set DATABASE_SERVER_URL (any database on the server, e.g. postgresql://postgres@postgres:5432/postgres)');
  process.exit(1);
}
const prepared = await prepareServiceDatabases({ databaseServerUrl });
console.warn(`migrated ${prepared.length} databases`);
