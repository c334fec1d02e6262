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

/**
 * Records whether the participation delivers as of this event (an older event than the one
 * already recorded changes nothing), then sets the campaign's count from the records: a pause
 * followed by a leave counts the streamer out once, whatever order the events arrive in. An ended
 * campaign (completed or cancelled) counts nobody, whatever arrives after its end.
 */
async function recordDelivering(event: ParticipationEvent, tx: SqlExecutor, delivering: boolean) {
  // Events of one campaign are applied one at a time (consumers run several at once): each count
  // below must see the rows the one before it wrote.
  await tx.$executeRawUnsafe(
    `SELECT 1 FROM "campaigns" WHERE "id" = $1::uuid FOR UPDATE`,
    event.payload.campaignId,
  );
  const changed = await tx.$executeRawUnsafe(
    `INSERT INTO "campaign_participants" ("participationId", "campaignId", "delivering", "changedAt")
     VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz)
     ON CONFLICT ("participationId") DO UPDATE
       SET "delivering" = EXCLUDED."delivering", "changedAt" = EXCLUDED."changedAt"
       WHERE "campaign_participants"."changedAt" < EXCLUDED."changedAt"`,
    event.payload.participationId,
    event.payload.campaignId,
    delivering,
    event.occurredAt,
  );
  if (changed === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "campaigns"
     SET "activeParticipantCount" = CASE WHEN "status" IN ('completed', 'cancelled') THEN 0 ELSE (
           SELECT count(*) FROM "campaign_participants"
           WHERE "campaignId" = $1::uuid AND "delivering") END,
         "lastParticipantLeftAt" = CASE WHEN $2 THEN "lastParticipantLeftAt"
           ELSE GREATEST("lastParticipantLeftAt", $3::timestamptz) END,
         "updatedAt" = now()
     WHERE "id" = $1::uuid`,
    event.payload.campaignId,
    delivering,
    event.occurredAt,
  );
}

/** A streamer started delivering: joined an open campaign, was approved, or resumed. */
export const countParticipantIn = (event: ParticipationEvent, tx: SqlExecutor) =>
  recordDelivering(event, tx, true);

/** A streamer stopped delivering: left, was removed, or paused. The inactivity rule counts from here. */
export const countParticipantOut = (event: ParticipationEvent, tx: SqlExecutor) =>
  recordDelivering(event, tx, false);
