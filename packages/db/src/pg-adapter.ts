import { PrismaPg } from '@prisma/adapter-pg';
import type { PoolConfig } from 'pg';

export interface PgAdapterOptions {
  /** Most connections this process keeps to its database. */
  maxConnections?: number;
}

/** The driver adapter every service's generated Prisma client is built with. */
export function createPgAdapter(databaseUrl: string, options: PgAdapterOptions = {}): PrismaPg {
  const pool: PoolConfig = {
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  };
  return new PrismaPg(pool);
}
