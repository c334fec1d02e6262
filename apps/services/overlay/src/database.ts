import { createPgAdapter } from '@gametriggers/db';
import { PrismaClient } from './generated/prisma/client';

export type OverlayDb = PrismaClient;
export type OverlayTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createOverlayDb(databaseUrl: string): OverlayDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}
