import { createPgAdapter } from '@gametriggers/db';
import { PrismaClient } from './generated/prisma/client';

export type NotificationDb = PrismaClient;
export type NotificationTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export function createNotificationDb(databaseUrl: string): NotificationDb {
  return new PrismaClient({ adapter: createPgAdapter(databaseUrl) });
}
