import type { CampaignPatch } from '@gametriggers/contracts';
import type { EventEnvelope, EventPayload, SqlExecutor } from '@gametriggers/events';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { CampaignTx } from '../database';
import type { Campaign } from '../generated/prisma/client';
import { lockCampaign } from './campaign-access';
import type { StoredCampaignFields } from './campaign-columns';
import { campaignRef } from './transitions';

/** The creative as moderators see it; `submittedAt` tells a decision about it from one about an older one. */
export function moderatedCreativeOf(
  campaign: Campaign,
): EventPayload<'campaign.creative_submitted'>['creative'] {
  return {
    assetId: campaign.creativeAssetId,
    type: campaign.creativeType,
    url: campaign.creativeUrl,
    altText: campaign.creativeAltText,
    clickThroughUrl: campaign.clickThroughUrl,
    description: campaign.description,
    submittedAt: (campaign.submittedAt ?? campaign.createdAt).toISOString(),
  };
}

/** Sends a campaign's creative to the moderation queue as it goes to review. */
export function queueCreativeForModeration(tx: SqlExecutor, campaign: Campaign) {
  return recordEvent(tx, 'campaign.creative_submitted', {
    ...campaignRef(campaign),
    creative: moderatedCreativeOf(campaign),
  });
}

const sameCreative = (a: StoredCampaignFields['creative'], b: StoredCampaignFields['creative']) =>
  a.assetId === b.assetId && (a.altText || null) === (b.altText || null);

/** The columns that clear a moderation rejection when an edit brings a different creative. */
export function creativeRejectionCleared(current: StoredCampaignFields, changes: CampaignPatch) {
  if (!changes.creative || sameCreative(changes.creative, current.creative)) return {};
  return { creativeRejectedAt: null, creativeRejectionReason: null };
}

/** A creative moderation rejected goes to review again only once it is changed. */
export function refuseRejectedCreative(campaign: Campaign) {
  if (!campaign.creativeRejectedAt) return;
  throw new DomainError(
    'precondition_failed',
    'creative_rejected',
    `Moderation rejected this creative (${campaign.creativeRejectionReason ?? 'no reason given'}); change it before submitting.`,
    { fieldErrors: { 'creative.assetId': ['Moderation rejected this creative; choose another'] } },
  );
}

/** An active campaign stops delivering under an administrator's pause, which its brand cannot lift. */
async function pauseForModeration(tx: CampaignTx, campaign: Campaign, now: Date) {
  if (campaign.status === 'paused') {
    await tx.campaign.update({ where: { id: campaign.id }, data: { pausedBy: 'admin' } });
    return;
  }
  const paused = await tx.campaign.update({
    where: { id: campaign.id },
    data: { status: 'paused', pausedAt: now, pausedBy: 'admin' },
  });
  await recordEvent(tx, 'campaign.paused', { ...campaignRef(paused), by: 'admin' });
}

/** A campaign still in review is rejected with the moderator's reason, for its brand to fix. */
async function rejectInReview(
  tx: CampaignTx,
  campaign: Campaign,
  decision: EventPayload<'moderation.content_rejected'>,
  now: Date,
) {
  const reason = `The creative was rejected by moderation: ${decision.reason}`;
  const rejected = await tx.campaign.update({
    where: { id: campaign.id },
    data: { status: 'rejected', rejectedAt: now, rejectedBy: decision.decidedBy, rejectionReason: reason },
  });
  await recordEvent(tx, 'campaign.rejected', {
    ...campaignRef(rejected),
    rejectedBy: decision.decidedBy,
    reason,
  });
}

/**
 * Moderation rejected a campaign's creative: it is marked rejected, and the campaign stops showing
 * it — paused by an administrator when live, rejected when still in review. A decision about a
 * creative since resubmitted, or about an ended campaign, changes nothing.
 */
export async function applyCreativeRejection(
  event: EventEnvelope<'moderation.content_rejected'>,
  sqlTx: SqlExecutor,
  now: Date,
) {
  const decision = event.payload;
  if (decision.kind !== 'campaign_creative') return;
  const tx = sqlTx as CampaignTx;
  const campaign = await lockCampaign(tx, decision.subjectId);
  if (!campaign) return;
  if (moderatedCreativeOf(campaign).submittedAt > decision.contentSubmittedAt) return;
  if (campaign.status === 'completed' || campaign.status === 'cancelled') return;
  await tx.campaign.update({
    where: { id: campaign.id },
    data: { creativeRejectedAt: now, creativeRejectionReason: decision.reason },
  });
  if (campaign.status === 'active' || campaign.status === 'paused') {
    await pauseForModeration(tx, campaign, now);
  } else if (campaign.status === 'pending_review') {
    await rejectInReview(tx, campaign, decision, now);
  }
}
