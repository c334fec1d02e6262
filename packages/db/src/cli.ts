/**
 * `gt-db <command>`, run from a service's folder:
 *   generate               prisma generate (offline-safe)
 *   migrate                create the service's database if missing and apply its migrations
 *   new-migration <name>   write prisma/migrations/<timestamp>_<name>/migration.sql from schema changes
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prepareDatabase } from './prepare-database';

const serviceDir = process.cwd();
const migrationsDir = path.join(serviceDir, 'prisma', 'migrations');
const schemaPath = path.join(serviceDir, 'prisma', 'schema.prisma');

// The Prisma CLI downloads native engines it will not use unless these point at an existing file.
const offlinePrismaEnv = {
  ...process.env,
  PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};

function prisma(args: string[], capture = false): string {
  const result = spawnSync('prisma', args, {
    cwd: serviceDir,
    env: offlinePrismaEnv,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
  return result.stdout ?? '';
}

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Point it at this service database, e.g. postgresql://postgres@127.0.0.1:5432/gt_identity',
    );
  }
  return url;
}

function newMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error('Usage: gt-db new-migration <name>, name in lower_snake_case');
  }
  requireDatabaseUrl(); // the shadow database is made beside it
  mkdirSync(migrationsDir, { recursive: true });
  const sql = prisma(
    [
      'migrate',
      'diff',
      '--from-migrations',
      migrationsDir,
      '--to-schema-datamodel',
      schemaPath,
      '--script',
    ],
    true,
  );
  if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ''))) {
    console.warn('The schema matches the migrations: nothing to write.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  console.warn(`Wrote ${path.relative(serviceDir, dir)}/migration.sql`);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'generate':
      prisma(['generate', '--no-hints', `--schema=${schemaPath}`]);
      return;
    case 'migrate': {
      const result = await prepareDatabase(requireDatabaseUrl(), migrationsDir);
      console.warn(
        `${result.database}: ${result.created ? 'created, ' : ''}${result.applied.length} applied, ${result.alreadyApplied} already applied`,
      );
      return;
    }
    case 'new-migration':
      newMigration(args[0]);
      return;
    default:
      throw new Error('Usage: gt-db generate | migrate | new-migration <name>');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
