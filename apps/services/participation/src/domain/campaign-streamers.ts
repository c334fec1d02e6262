import type { ParticipationStatus, StreamerIdPage } from '@gametriggers/contracts';
import { cursorParts, keysetCursor } from '@gametriggers/contracts';
import type { ParticipationDb } from '../database';
import { Prisma } from '../generated/prisma/client';

const byStreamer = keysetCursor('participations.campaignStreamers', { id: cursorParts.id });

/**
 * The streamers with a participation of a campaign in one of `statuses`, each once, by id in
 * ascending order, one keyset page at a time: whom the notification service tells that the
 * campaign paused or ended. (A campaign's end completes its live participations, so `completed`
 * finds them after the participation service has applied the end too.)
 */
export async function campaignStreamers(
  db: ParticipationDb,
  query: { campaignId: string; statuses: readonly ParticipationStatus[]; cursor?: string | undefined; limit: number },
): Promise<StreamerIdPage> {
  const after = byStreamer.decodeOptional(query.cursor);
  const rows = await db.$queryRaw<Array<{ streamerId: string }>>`
    SELECT DISTINCT "streamerId"::text AS "streamerId" FROM "participations"
    WHERE "campaignId" = ${query.campaignId}::uuid
      AND "status"::text = ANY(${[...query.statuses]}::text[])
      ${after ? Prisma.sql`AND "streamerId" > ${after.id}::uuid` : Prisma.empty}
    ORDER BY "streamerId" LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    streamerIds: page.map((row) => row.streamerId),
    nextCursor: rows.length > query.limit && last ? byStreamer.encode({ id: last.streamerId }) : null,
  };
}
