import type { EventEnvelope, SqlExecutor } from '@gametriggers/events';

type ParticipationEvent = EventEnvelope<
  | 'participation.joined'
  | 'participation.approved'
  | 'participation.resumed'
  | 'participation.left'
  | 'participation.removed'
  | 'participation.paused'
>;

// The events kit runs these once per event id, in the transaction that records the id.

/** A streamer started delivering: joined an open campaign, was approved, or resumed. */
export async function countParticipantIn(event: ParticipationEvent, tx: SqlExecutor) {
  await tx.$executeRawUnsafe(
    `UPDATE "campaigns" SET "activeParticipantCount" = "activeParticipantCount" + 1, "updatedAt" = now()
     WHERE "id" = $1::uuid`,
    event.payload.campaignId,
  );
}

/** A streamer stopped delivering: left, was removed, or paused. The inactivity rule counts from here. */
export async function countParticipantOut(event: ParticipationEvent, tx: SqlExecutor) {
  await tx.$executeRawUnsafe(
    `UPDATE "campaigns"
     SET "activeParticipantCount" = GREATEST("activeParticipantCount" - 1, 0),
         "lastParticipantLeftAt" = GREATEST("lastParticipantLeftAt", $2::timestamptz),
         "updatedAt" = now()
     WHERE "id" = $1::uuid`,
    event.payload.campaignId,
    event.occurredAt,
  );
}
