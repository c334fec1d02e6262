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

/** Content submitted for review: what an item of its kind and subject holds. */
interface Submission {
  kind: ModerationKind;
  subjectId: string;
  ownerId: string;
  title: string;
  content: Prisma.InputJsonObject;
  contentSubmittedAt: Date;
}

function creativeSubmission(event: CreativeEvent): Submission {
  const { campaignId, brandId, title, creative } = event.payload;
  return {
    kind: 'campaign_creative',
    subjectId: campaignId,
    ownerId: brandId,
    title,
    content: creative,
    contentSubmittedAt: new Date(creative.submittedAt),
  };
}

/** Creates the subject's item from the submitted content (pending). */
function createItem(tx: AdminTx, submission: Submission, now: Date) {
  return tx.moderationItem.create({ data: { ...submission, createdAt: now, updatedAt: now } });
}

/**
 * Content was (re)submitted: its item takes the new content and goes (back) into the queue,
 * whatever was decided about the content before. A submission older than the content held changes
 * nothing (events may arrive out of order).
 */
async function queueSubmission(sqlTx: SqlExecutor, submission: Submission, now: Date) {
  const tx = sqlTx as AdminTx;
  const item = await lockItem(tx, submission.kind, submission.subjectId);
  if (!item) {
    await createItem(tx, submission, now);
    return;
  }
  if (item.contentSubmittedAt >= submission.contentSubmittedAt) return;
  await tx.moderationItem.update({
    where: { id: item.id },
    data: { ...submission, ...backInQueue, updatedAt: now },
  });
}

/** A campaign went to review with a creative. */
export const queueSubmittedCreative = (
  event: EventEnvelope<'campaign.creative_submitted'>,
  sqlTx: SqlExecutor,
  now: Date,
) => queueSubmission(sqlTx, creativeSubmission(event), now);

/** A profile's public text as its owner saved it: the item is the owner's, titled with its name. */
function profileSubmission(
  kind: 'brand_profile' | 'streamer_profile',
  ownerId: string,
  title: string,
  profile: Prisma.InputJsonObject & { submittedAt: string },
): Submission {
  return {
    kind,
    subjectId: ownerId,
    ownerId,
    title,
    content: profile,
    contentSubmittedAt: new Date(profile.submittedAt),
  };
}

/** A brand created or changed its public profile. */
export const queueChangedBrandProfile = (
  { payload }: EventEnvelope<'brand.profile_changed'>,
  sqlTx: SqlExecutor,
  now: Date,
) =>
  queueSubmission(
    sqlTx,
    profileSubmission('brand_profile', payload.brandId, payload.profile.companyName, payload.profile),
    now,
  );

/** A streamer created or changed their public profile. */
export const queueChangedStreamerProfile = (
  { payload }: EventEnvelope<'streamer.profile_changed'>,
  sqlTx: SqlExecutor,
  now: Date,
) =>
  queueSubmission(
    sqlTx,
    profileSubmission(
      'streamer_profile',
      payload.streamerId,
      payload.profile.displayName,
      payload.profile,
    ),
    now,
  );

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
    (await createItem(tx, creativeSubmission(event), now));
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

/**
 * A file uploaded as a campaign creative passed its checks: it waits in the queue, titled by its
 * name, as its owner's. Other uses (private documents) are not moderated here.
 */
export async function queueReadyCreativeAsset(
  { payload }: EventEnvelope<'asset.ready'>,
  sqlTx: SqlExecutor,
  now: Date,
) {
  if (payload.use !== 'campaignCreative' || payload.kind === 'document' || !payload.url) return;
  const content = {
    kind: payload.kind,
    name: payload.name,
    contentType: payload.contentType,
    sizeBytes: payload.sizeBytes,
    width: payload.width,
    height: payload.height,
    durationMs: payload.durationMs,
    url: payload.url,
    renditionUrl: payload.renditionUrl,
    thumbnailUrl: payload.thumbnailUrl,
    submittedAt: payload.checkedAt,
  };
  await queueSubmission(
    sqlTx,
    {
      kind: 'creative_asset',
      subjectId: payload.assetId,
      ownerId: payload.ownerId,
      title: payload.name.slice(0, 200),
      content,
      contentSubmittedAt: new Date(payload.checkedAt),
    },
    now,
  );
}

/**
 * Its owner deleted an uploaded creative: still pending, it leaves the queue (`withdrawn`); a
 * decision already made stays as the record of it.
 */
export async function withdrawDeletedCreativeAsset(
  { payload }: EventEnvelope<'asset.deleted'>,
  sqlTx: SqlExecutor,
  now: Date,
) {
  const tx = sqlTx as AdminTx;
  const item = await lockItem(tx, 'creative_asset', payload.assetId);
  if (item?.status !== 'pending') return;
  await tx.moderationItem.update({ where: { id: item.id }, data: { status: 'withdrawn', updatedAt: now } });
}
