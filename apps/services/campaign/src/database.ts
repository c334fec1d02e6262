import { createPgAdapter } from '@gametriggers/db';
import { PrismaClient } from './generated/prisma/client';

export type CampaignDb = PrismaClient;
export type CampaignTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createCampaignDb(databaseUrl: string): CampaignDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}
