import { createPgAdapter } from '@gametriggers/db';
import { PrismaClient } from './generated/prisma/client';

export type BrandDb = PrismaClient;
export type BrandTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createBrandDb(databaseUrl: string): BrandDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}
