import type { EventEnvelope, SqlExecutor } from '@gametriggers/events';
import { recordEvent } from '@gametriggers/events';
import type { AssetTx } from '../database';

type ModerationDecision = EventEnvelope<'moderation.content_approved' | 'moderation.content_rejected'>;

/** The moderator's decision as the asset keeps it. */
function decisionOf(event: ModerationDecision) {
  return 'reason' in event.payload
    ? ({ moderation: 'rejected', moderationReason: event.payload.reason } as const)
    : ({ moderation: 'approved', moderationReason: null } as const);
}

/**
 * The admin service's moderation queue decided about an uploaded creative: the asset records it
 * (`approved`, or `rejected` with the reason its owner sees) and announces it (`asset.approved` /
 * `asset.rejected`). Decisions about other kinds of content, about an asset deleted, never ready or
 * needing no moderation, and a decision the asset already holds change nothing.
 */
export async function applyModerationDecision(event: ModerationDecision, sqlTx: SqlExecutor, now: Date) {
  if (event.payload.kind !== 'creative_asset') return;
  const tx = sqlTx as AssetTx;
  const assetId = event.payload.subjectId;
  await tx.$queryRaw`SELECT 1 FROM "assets" WHERE "id" = ${assetId}::uuid FOR UPDATE`;
  const asset = await tx.asset.findUnique({ where: { id: assetId } });
  if (!asset || asset.state !== 'ready' || !asset.moderation || asset.moderation === 'notRequired') return;
  const decision = decisionOf(event);
  if (asset.moderation === decision.moderation && asset.moderationReason === decision.moderationReason) return;
  await tx.asset.update({
    where: { id: asset.id },
    data: { ...decision, moderatedAt: now, moderatedBy: event.payload.decidedBy },
  });
  const ref = { assetId: asset.id, ownerId: asset.ownerId };
  if (decision.moderation === 'rejected') {
    await recordEvent(tx, 'asset.rejected', { ...ref, reason: decision.moderationReason });
  } else {
    await recordEvent(tx, 'asset.approved', ref);
  }
}
