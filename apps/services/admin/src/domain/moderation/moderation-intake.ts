import type { EventEnvelope, SqlExecutor } from '@gametriggers/events';
import type { AdminTx } from '../../database';
import type { ModerationKind, Prisma } from '../../generated/prisma/client';

type CreativeEvent = EventEnvelope<'campaign.creative_submitted' | 'campaign.content_reported'>;

/** The item of a subject, locked for this transaction (decisions lock it too), or null. */
async function lockItem(tx: AdminTx, kind: ModerationKind, subjectId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "moderation_items"
    WHERE "kind" = ${kind}::"ModerationKind" AND "subjectId" = ${subjectId}::uuid FOR UPDATE`;
  const id = locked[0]?.id;
  return id ? tx.moderationItem.findUniqueOrThrow({ where: { id } }) : null;
}

/** An item back in the queue: the decision about earlier content no longer stands. */
const backInQueue = {
  status: 'pending',
  decidedAt: null,
  decidedBy: null,
  decisionReason: null,
} as const;

function creativeContentOf(event: CreativeEvent) {
  const { campaignId, brandId, title, creative } = event.payload;
  return {
    subjectId: campaignId,
    ownerId: brandId,
    title,
    content: creative satisfies Prisma.InputJsonObject,
    contentSubmittedAt: new Date(creative.submittedAt),
  };
}

/** Creates the subject's item from the event's content (pending). */
async function createCreativeItem(tx: AdminTx, event: CreativeEvent, now: Date) {
  return tx.moderationItem.create({
    data: { kind: 'campaign_creative', ...creativeContentOf(event), createdAt: now, updatedAt: now },
  });
}

/**
 * A campaign went to review with a creative: its item takes the new content and goes (back) into
 * the queue, whatever was decided about the content before. A submission older than the content
 * held changes nothing (events may arrive out of order).
 */
export async function queueSubmittedCreative(
  event: EventEnvelope<'campaign.creative_submitted'>,
  sqlTx: SqlExecutor,
  now: Date,
) {
  const tx = sqlTx as AdminTx;
  const item = await lockItem(tx, 'campaign_creative', event.payload.campaignId);
  if (!item) {
    await createCreativeItem(tx, event, now);
    return;
  }
  if (item.contentSubmittedAt >= new Date(event.payload.creative.submittedAt)) return;
  await tx.moderationItem.update({
    where: { id: item.id },
    data: {
      ...creativeContentOf(event),
      ...backInQueue,
      updatedAt: now,
    },
  });
}

/**
 * A streamer reported a creative: the report is attached to its item (made from the creative the
 * streamer saw when the queue has none yet) and the item counts it.
 */
export async function queueReportedCreative(
  event: EventEnvelope<'campaign.content_reported'>,
  sqlTx: SqlExecutor,
  now: Date,
) {
  const tx = sqlTx as AdminTx;
  const item =
    (await lockItem(tx, 'campaign_creative', event.payload.campaignId)) ??
    (await createCreativeItem(tx, event, now));
  const reportedAt = new Date(event.occurredAt);
  await tx.contentReport.create({
    data: {
      id: event.payload.reportId,
      itemId: item.id,
      reporterId: event.payload.streamerId,
      reason: event.payload.reason,
      details: event.payload.details,
      reportedAt,
    },
  });
  // A new report puts approved content back in the queue; rejected content stays rejected.
  const reopens = item.status === 'approved';
  await tx.moderationItem.update({
    where: { id: item.id },
    data: {
      reportCount: { increment: 1 },
      lastReportedAt:
        item.lastReportedAt && item.lastReportedAt > reportedAt ? item.lastReportedAt : reportedAt,
      ...(reopens ? backInQueue : {}),
      updatedAt: now,
    },
  });
}
