import type { ReportContentInput } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import { campaignNotFound } from './campaign-access';
import { moderatedCreativeOf } from './content-moderation';
import type { CampaignDeps } from './deps';
import { campaignRef } from './transitions';

const alreadyReported = () =>
  new DomainError(
    'conflict',
    'already_reported',
    'You already reported this ad; moderators are looking at it.',
  );

/**
 * A streamer reports a campaign's creative to moderation, once per campaign. Only what streamers
 * can see is reportable: an active campaign (any other is not found, as in `publicView`).
 */
export async function reportContent(
  deps: CampaignDeps,
  streamerId: string,
  input: ReportContentInput,
) {
  const now = deps.now();
  const details = input.details || null;
  return deps.db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: input.campaignId } });
    if (campaign?.status !== 'active') throw campaignNotFound();
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "content_reports" ("id", "campaignId", "streamerId", "reason", "details", "reportedAt")
      VALUES (gen_random_uuid(), ${campaign.id}::uuid, ${streamerId}::uuid,
              ${input.reason}::"ContentReportReason", ${details}, ${now})
      ON CONFLICT ("campaignId", "streamerId") DO NOTHING
      RETURNING "id"`;
    const reportId = inserted[0]?.id;
    if (!reportId) throw alreadyReported();
    await recordEvent(tx, 'campaign.content_reported', {
      ...campaignRef(campaign),
      reportId,
      streamerId,
      reason: input.reason,
      details,
      creative: moderatedCreativeOf(campaign),
    });
    return { reportId, reportedAt: now };
  });
}
