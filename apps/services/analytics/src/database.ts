import { createPgAdapter } from '@gametriggers/db';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export type AnalyticsDb = PrismaClient;
export type AnalyticsTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createAnalyticsDb(databaseUrl: string): AnalyticsDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}

/** A plain pg pool for the ingestion hot path (multi-row inserts without an ORM in between). */
export function createIngestPool(databaseUrl: string, size: number) {
  return new pg.Pool({ connectionString: databaseUrl, max: size });
}
