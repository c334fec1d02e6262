import type { ContentCategory } from '@gametriggers/contracts';
import type { ParticipationTx } from '../database';
import type { EnergyRecord } from './energy';
import type { GKeyRecord } from './gkeys';

// Lock order, the same in every writer so none can deadlock another: the streamer's energy row,
// then the participation, then the streamer's key rows (by category), then the campaign's seats.

/**
 * Locks the streamer's energy row, creating it if missing. Every join and approval of a streamer
 * takes it first, so they run one after another and each sees what the previous one committed.
 */
export async function lockStreamerEnergy(
  tx: ParticipationTx,
  streamerId: string,
  today: string,
  timezone: string,
): Promise<EnergyRecord> {
  await tx.$executeRaw`
    INSERT INTO "energy_packs" ("streamerId", "day", "used", "timezone")
    VALUES (${streamerId}::uuid, ${today}, 0, ${timezone})
    ON CONFLICT ("streamerId") DO NOTHING`;
  const rows = await tx.$queryRaw<EnergyRecord[]>`
    SELECT "day", "used" FROM "energy_packs" WHERE "streamerId" = ${streamerId}::uuid FOR UPDATE`;
  return rows[0]!;
}

/** Locks the streamer's keys for these categories, creating missing ones as available. */
export async function lockKeys(
  tx: ParticipationTx,
  streamerId: string,
  categories: readonly ContentCategory[],
): Promise<Map<string, GKeyRecord>> {
  const sorted = [...new Set(categories)].sort();
  if (sorted.length === 0) return new Map();
  await tx.$executeRaw`
    INSERT INTO "gkeys" ("streamerId", "category", "state")
    SELECT ${streamerId}::uuid, category, 'available'::"GKeyState" FROM unnest(${sorted}::varchar[]) AS category
    ORDER BY category
    ON CONFLICT ("streamerId", "category") DO NOTHING`;
  const rows = await tx.$queryRaw<GKeyRecord[]>`
    SELECT "category", "state"::text AS "state", "campaignId"::text AS "campaignId", "campaignTitle",
           "brandId"::text AS "brandId", "participationId"::text AS "participationId", "cooloffUntil"
    FROM "gkeys"
    WHERE "streamerId" = ${streamerId}::uuid AND "category" = ANY(${sorted}::varchar[])
    ORDER BY "category"
    FOR UPDATE`;
  return new Map(rows.map((row) => [row.category, row]));
}

/** Serialises joins competing for the last seats of a campaign with a maximum. */
export async function lockCampaignSeats(tx: ParticipationTx, campaignId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`campaign-seats:${campaignId}`}, 0))`;
}

/** Locks one participation row; null when it does not exist. */
export async function lockParticipation(tx: ParticipationTx, participationId: string) {
  await tx.$executeRaw`SELECT 1 FROM "participations" WHERE "id" = ${participationId}::uuid FOR UPDATE`;
  return tx.participation.findUnique({ where: { id: participationId } });
}
