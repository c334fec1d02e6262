import { createPgAdapter } from '@gametriggers/db';
import { PrismaClient } from './generated/prisma/client';

export type ParticipationDb = PrismaClient;
export type ParticipationTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createParticipationDb(
  databaseUrl: string,
  maxConnections?: number,
): ParticipationDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl, { maxConnections }) });
}
