/**
 * The driver adapter the Prisma CLI's JavaScript schema engine uses (`engine: "js"` in a service's
 * prisma.config.ts). It mends two faults of @prisma/adapter-pg 6.19.3 in one place:
 *  - it cannot map PostgreSQL's `name` and `"char"` types, which the engine's introspection reads;
 *  - its shadow database ignores the database name and is dropped while its pool is still open.
 */
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { withDatabaseName } from './connection-url';
import { dropDatabase, ensureDatabase } from './database-lifecycle';

// PostgreSQL catalogue types the adapter cannot map, read as text: "char" (18) and name (19).
const CATALOGUE_TEXT_OIDS = new Set([18, 19]);
const PG_TEXT_OID = 25;

function readNameAsText<T>(result: T): T {
  const fields = (result as { fields?: Array<{ dataTypeID: number }> } | undefined)?.fields;
  for (const field of fields ?? []) {
    if (CATALOGUE_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

class NameAsTextClient extends pg.Client {
  // pg's overloads cannot be restated in a subclass: wrap whichever form (callback or promise) is used.
  override query = ((...args: unknown[]) => {
    const last = args.at(-1);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .apply(this) below
    const original = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    if (typeof last === 'function') {
      const callback = last as (error: unknown, result: unknown) => void;
      return original.apply(this, [
        ...args.slice(0, -1),
        (error: unknown, result: unknown) => callback(error, readNameAsText(result)),
      ]);
    }
    const config = args[0] as { callback?: (error: unknown, result: unknown) => void } | undefined;
    if (config && typeof config === 'object' && typeof config.callback === 'function') {
      const callback = config.callback;
      config.callback = (error, result) => callback(error, readNameAsText(result));
      return original.apply(this, args);
    }
    return (original.apply(this, args) as Promise<unknown>).then(readNameAsText);
  }) as unknown as pg.Client['query'];
}

function adapterFor(databaseUrl: string) {
  return new PrismaPg(
    new pg.Pool({ connectionString: databaseUrl, max: 2, Client: NameAsTextClient }),
    {
      disposeExternalPool: true,
    },
  );
}

export function schemaEngineAdapter(databaseUrl: string) {
  return {
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    connect: () => adapterFor(databaseUrl).connect(),
    async connectToShadowDb() {
      const shadowUrl = withDatabaseName(databaseUrl, `gt_shadow_${randomUUID().slice(0, 8)}`);
      await ensureDatabase(shadowUrl);
      const adapter = await adapterFor(shadowUrl).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await dropDatabase(shadowUrl);
      };
      return adapter;
    },
  };
}

/** A service's prisma.config.ts contents: schema, migrations and the offline JS schema engine. */
export function servicePrismaConfig() {
  const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  return {
    experimental: { adapter: true },
    engine: 'js' as const,
    schema: 'prisma/schema.prisma',
    migrations: { path: 'prisma/migrations' },
    adapter: () => Promise.resolve(schemaEngineAdapter(databaseUrl)),
  };
}
