import { createPgAdapter } from '@gametriggers/db';
import { PrismaClient } from './generated/prisma/client';

export type StreamerDb = PrismaClient;
export type StreamerTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createStreamerDb(databaseUrl: string): StreamerDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}
