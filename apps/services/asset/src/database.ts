import { createPgAdapter } from '@gametriggers/db';
import { PrismaClient } from './generated/prisma/client';

export type AssetDb = PrismaClient;
export type AssetTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createAssetDb(databaseUrl: string): AssetDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}
