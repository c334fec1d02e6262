import { hiddenProfileText, isProfileHidden, profileDecisionColumns } from '@gametriggers/contracts';
import type { EventEnvelope, SqlExecutor } from '@gametriggers/events';
import { recordEvent } from '@gametriggers/events';
import type { StreamerTx } from '../database';
import type { Streamer } from '../generated/prisma/client';
import { refreshStreamerAggregates } from './streamer-aggregates';

type PublicProfile = Pick<
  Streamer,
  'displayName' | 'primaryCategory' | 'secondaryCategories' | 'language' | 'rating'
>;

const publicProfileOf = (streamer: PublicProfile) => ({
  displayName: streamer.displayName,
  primaryCategory: streamer.primaryCategory,
  secondaryCategories: streamer.secondaryCategories,
  language: streamer.language,
  rating: streamer.rating,
});

/** Whether an edit changes the profile others see (the card brands find in search). */
export const changesPublicProfile = (before: PublicProfile, after: PublicProfile) =>
  JSON.stringify(publicProfileOf(before)) !== JSON.stringify(publicProfileOf(after));

/** Sends the streamer's public profile, as saved at `submittedAt`, to the moderation queue. */
export function queueProfileForModeration(tx: SqlExecutor, streamer: Streamer, submittedAt: Date) {
  return recordEvent(tx, 'streamer.profile_changed', {
    streamerId: streamer.id,
    profile: { ...publicProfileOf(streamer), submittedAt: submittedAt.toISOString() },
  });
}

/** The name others see: a placeholder while moderation has rejected the profile. */
export const publicDisplayName = (streamer: Pick<Streamer, 'displayName' | 'profileModeration'>) =>
  isProfileHidden(streamer) ? hiddenProfileText.streamerDisplayName : streamer.displayName;

/**
 * A moderator decided on a streamer's public profile: rejected hides the name from others (and
 * from the text search), approved clears a rejection. A decision about a profile the streamer has
 * since changed is ignored.
 */
export async function applyProfileDecision(
  event: EventEnvelope<'moderation.content_approved' | 'moderation.content_rejected'>,
  sqlTx: SqlExecutor,
  now: Date,
) {
  if (event.payload.kind !== 'streamer_profile') return;
  const tx = sqlTx as StreamerTx;
  const streamerId = event.payload.subjectId;
  await tx.$queryRaw`SELECT 1 FROM "streamers" WHERE "id" = ${streamerId}::uuid FOR UPDATE`;
  const streamer = await tx.streamer.findUnique({ where: { id: streamerId } });
  const decided = streamer && profileDecisionColumns(streamer, event.payload, now);
  if (!decided) return;
  await tx.streamer.update({ where: { id: streamerId }, data: decided });
  await refreshStreamerAggregates(tx, streamerId);
}
