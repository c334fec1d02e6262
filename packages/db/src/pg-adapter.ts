import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

export interface PgAdapterOptions {
  /** Most connections this process keeps to its database. */
  maxConnections?: number;
}

/** How the connections of the pools behind this process's Prisma clients are used right now. */
export interface DatabasePoolUsage {
  /** Connections open (idle or lent out). */
  total: number;
  idle: number;
  /** Queries waiting for a connection because every one is lent out. */
  waiting: number;
}

// The pools stay ours (not the adapter's) so the service kit can report their use on `/metrics`.
const openPools = new Set<pg.Pool>();

/** The driver adapter every service's generated Prisma client is built with. */
export function createPgAdapter(databaseUrl: string, options: PgAdapterOptions = {}): PrismaPg {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  openPools.add(pool);
  // `$disconnect()` ends the pool, as it would end one the adapter made itself.
  return new PrismaPg(pool, { disposeExternalPool: true });
}

/**
 * The use of every pool `createPgAdapter` opened in this process and not yet ended, added up: in
 * a deployment one process runs one service, so this is that service's pool.
 */
export function databasePoolUsage(): DatabasePoolUsage {
  const usage = { total: 0, idle: 0, waiting: 0 };
  for (const pool of openPools) {
    if (pool.ended) {
      openPools.delete(pool);
      continue;
    }
    usage.total += pool.totalCount;
    usage.idle += pool.idleCount;
    usage.waiting += pool.waitingCount;
  }
  return usage;
}
