import type { PaymentSql } from '../database';
import type { CountedHour, HourChargeOutcome } from './charging';
import { chargeParticipationHours } from './charging';
import type { MoneyContext } from './money-context';

/** Queues a counted hour for charging, in the caller's transaction (the event consumer's). */
export async function queueCountedHour(tx: PaymentSql, context: MoneyContext, hour: CountedHour) {
  await tx.$executeRawUnsafe(
    `INSERT INTO "counted_hours_inbox" ("participationId", "campaignId", "streamerId", "hourStart", "impressions", "clicks", "revision", "receivedAt")
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::timestamptz, $5, $6, $7, $8::timestamptz)`,
    hour.participationId,
    hour.campaignId,
    hour.streamerId,
    new Date(hour.hourStart),
    hour.impressions,
    hour.clicks,
    hour.revision,
    context.now(),
  );
}

function toHour(row: Record<string, unknown>): CountedHour {
  return {
    participationId: row.participationId as string,
    campaignId: row.campaignId as string,
    streamerId: row.streamerId as string,
    hourStart: new Date(row.hourStart as Date).toISOString(),
    impressions: Number(row.impressions),
    clicks: Number(row.clicks),
    revision: Number(row.revision),
  };
}

const TAKEN_COLUMNS = `"participationId", "campaignId", "streamerId", "hourStart", "impressions", "clicks", "revision"`;

/**
 * Takes up to `limit` queued hours, oldest first (rows another charger holds are skipped), and
 * charges them in this transaction: they leave the queue exactly when their charges commit.
 */
export async function chargeQueuedHours(
  tx: PaymentSql,
  context: MoneyContext,
  limit: number,
): Promise<HourChargeOutcome[]> {
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `DELETE FROM "counted_hours_inbox" WHERE "id" IN (
       SELECT "id" FROM "counted_hours_inbox" ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING "id", ${TAKEN_COLUMNS}`,
    limit,
  );
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  return chargeParticipationHours(tx, context, rows.map(toHour));
}

/** Charges one campaign's queued hours now (before its escrow is released), waiting for any charger holding them. */
export async function chargeQueuedHoursOf(
  tx: PaymentSql,
  context: MoneyContext,
  campaignId: string,
) {
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `DELETE FROM "counted_hours_inbox" WHERE "campaignId" = $1::uuid RETURNING "id", ${TAKEN_COLUMNS}`,
    campaignId,
  );
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  return chargeParticipationHours(tx, context, rows.map(toHour));
}
