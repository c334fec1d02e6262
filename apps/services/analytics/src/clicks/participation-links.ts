import type { EventEnvelope, EventHandlers } from '@gametriggers/events';
import type { AnalyticsDb, AnalyticsTx } from '../database';

export type LinkStatus = 'delivering' | 'paused' | 'left' | 'removed';

type ParticipationEventType =
  | 'participation.approved'
  | 'participation.joined'
  | 'participation.resumed'
  | 'participation.paused'
  | 'participation.left'
  | 'participation.removed';

/**
 * Keeps `participation_links` from the participation events, in the consumer's transaction. The
 * events kit skips an event id seen before; a late (older) event never overrides a newer one.
 */
export function participationLinkHandlers(): EventHandlers {
  const apply =
    (status: LinkStatus) => async (event: EventEnvelope<ParticipationEventType>, tx: unknown) => {
      const { participationId, clickCode, campaignId, brandId, streamerId } = event.payload;
      const occurredAt = new Date(event.occurredAt);
      await (tx as AnalyticsTx).$executeRaw`
        INSERT INTO "participation_links"
          ("participationId", "clickCode", "campaignId", "brandId", "streamerId", "status", "changedAt")
        VALUES (${participationId}::uuid, ${clickCode}, ${campaignId}::uuid, ${brandId}::uuid,
          ${streamerId}::uuid, ${status}, ${occurredAt})
        ON CONFLICT ("participationId") DO UPDATE
          SET "status" = EXCLUDED."status", "changedAt" = EXCLUDED."changedAt"
          WHERE "participation_links"."changedAt" <= EXCLUDED."changedAt"`;
    };
  return {
    'participation.joined': apply('delivering'),
    'participation.approved': apply('delivering'),
    'participation.resumed': apply('delivering'),
    'participation.paused': apply('paused'),
    'participation.left': apply('left'),
    'participation.removed': apply('removed'),
  };
}

const MAX_REMEMBERED = 100_000;
const UNKNOWN_FOR_MS = 5_000;

/**
 * Which streamer each participation belongs to, for checking overlay reports. A participation's
 * streamer never changes, so a known one is remembered for good; an unknown one (its event may not
 * have arrived yet) is asked again after a few seconds.
 */
export function createParticipationOwners(db: AnalyticsDb, now: () => Date) {
  const known = new Map<string, string>();
  const unknownUntil = new Map<string, number>();
  return {
    /** The streamer of each given participation this service knows; unknown ones are left out. */
    async streamersOf(participationIds: Iterable<string>): Promise<ReadonlyMap<string, string>> {
      const answer = new Map<string, string>();
      const ask: string[] = [];
      const nowMs = now().getTime();
      for (const id of new Set(participationIds)) {
        const streamerId = known.get(id);
        if (streamerId) answer.set(id, streamerId);
        else if ((unknownUntil.get(id) ?? 0) <= nowMs) ask.push(id);
      }
      if (ask.length === 0) return answer;
      const rows = await db.participationLink.findMany({
        where: { participationId: { in: ask } },
        select: { participationId: true, streamerId: true },
      });
      if (known.size + rows.length > MAX_REMEMBERED) known.clear();
      if (unknownUntil.size + ask.length > MAX_REMEMBERED) unknownUntil.clear();
      for (const row of rows) {
        known.set(row.participationId, row.streamerId);
        answer.set(row.participationId, row.streamerId);
      }
      for (const id of ask) if (!answer.has(id)) unknownUntil.set(id, nowMs + UNKNOWN_FOR_MS);
      return answer;
    },
  };
}
export type ParticipationOwners = ReturnType<typeof createParticipationOwners>;
