import { createPgAdapter } from '@gametriggers/db';
import { PrismaClient } from './generated/prisma/client';

export type AdminDb = PrismaClient;
export type AdminTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createAdminDb(databaseUrl: string): AdminDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}
