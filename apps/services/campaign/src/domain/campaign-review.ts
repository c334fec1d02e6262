import type { AdminActor } from '@gametriggers/events';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import { walletShortByCents } from '../clients/payment-ledger';
import type { Campaign } from '../generated/prisma/client';
import type { CampaignView } from '../schemas';
import {
  campaignNotFound,
  findManagedCampaign,
  lockCampaign,
  lockManagedCampaign,
} from './campaign-access';
import { recordCampaignAdminAction } from './campaign-audit';
import { campaignView } from './campaign-views';
import { queueCreativeForModeration, refuseRejectedCreative } from './content-moderation';
import type { CampaignDeps } from './deps';
import { campaignRef, requireTransition } from './transitions';

/**
 * A campaign goes to review only with an uploaded creative that moderation approved; a campaign
 * from before uploads (no asset) must upload one first.
 */
async function approvedCreativeOf(deps: CampaignDeps, campaign: Campaign) {
  if (!campaign.creativeAssetId) {
    throw new DomainError('precondition_failed', 'creative_not_uploaded', 'Upload the creative before submitting.', {
      fieldErrors: { 'creative.assetId': ['Upload the creative'] },
    });
  }
  return deps.assets.creative({ assetId: campaign.creativeAssetId, brandId: campaign.brandId, approved: true });
}

/** Only a verified brand's campaign goes to review; its company name is kept for streamers to see. */
export async function submitCampaign(
  deps: CampaignDeps,
  brandId: string,
  campaignId: string,
): Promise<CampaignView> {
  // Whose campaign it is comes before anything about the caller's brand.
  const found = await findManagedCampaign(deps.db, campaignId, { kind: 'brand', brandId });
  requireTransition(found, 'submit', 'brand');
  const standing = await deps.brands.standing(brandId);
  if (standing?.verificationStatus !== 'verified') {
    throw new DomainError(
      'precondition_failed',
      'brand_not_verified',
      standing
        ? `Your brand is ${standing.verificationStatus}; campaigns can be submitted once it is verified.`
        : 'Complete your brand profile and get it verified before submitting a campaign.',
      { verificationStatus: standing?.verificationStatus ?? 'unverified' },
    );
  }
  refuseRejectedCreative(found);
  const creative = await approvedCreativeOf(deps, found);
  const now = deps.now();
  const submitted = await deps.db.$transaction(async (tx) => {
    const campaign = await lockManagedCampaign(tx, campaignId, { kind: 'brand', brandId });
    const status = requireTransition(campaign, 'submit', 'brand');
    refuseRejectedCreative(campaign);
    if (campaign.creativeAssetId !== creative.assetId) {
      throw new DomainError('conflict', 'campaign_changed', 'The campaign changed meanwhile; reload it and try again.');
    }
    if (campaign.startsAt.getTime() < now.getTime()) {
      throw new DomainError(
        'invalid',
        'start_in_past',
        'The start is in the past; choose a new start before submitting.',
        {
          fieldErrors: { startsAt: ['The start is in the past'] },
        },
      );
    }
    const updated = await tx.campaign.update({
      where: { id: campaign.id },
      data: {
        status,
        submittedAt: now,
        brandName: standing.companyName,
        // As the asset service serves it now (an approved upload's URLs do not move; kept in step anyway).
        creativeUrl: creative.url,
        creativeThumbnailUrl: creative.thumbnailUrl,
        rejectedAt: null,
        rejectedBy: null,
        rejectionReason: null,
      },
    });
    // Queued first: the moderation feed comes before the status change in the outbox's order.
    await queueCreativeForModeration(tx, updated);
    await recordEvent(tx, 'campaign.submitted', campaignRef(updated));
    return updated;
  });
  return campaignView(submitted, 'brand', now);
}

/**
 * Approval makes the campaign `active` at once. If its start has come it launches in the same
 * transaction; otherwise the start job launches it when the time comes.
 *
 * The payment ledger reserves the whole budget from the brand's wallet first, while the campaign
 * row is locked, so an approval is never written without its money. A short wallet refuses the
 * approval and is recorded on the campaign for the brand to see. Should the approval fail after
 * the reservation, retrying it replays the same reservation (`reserve:<campaignId>`), and a
 * rejection or cancellation releases it.
 */
export async function approveCampaign(
  deps: CampaignDeps,
  admin: AdminActor,
  campaignId: string,
): Promise<CampaignView> {
  const now = deps.now();
  let approved;
  try {
    approved = await deps.db.$transaction(async (tx) => {
      const campaign = await lockCampaign(tx, campaignId);
      if (!campaign) throw campaignNotFound();
      const status = requireTransition(campaign, 'approve', 'admin');
      if (campaign.endsAt.getTime() <= now.getTime()) {
        throw new DomainError(
          'precondition_failed',
          'campaign_already_ended',
          'This campaign’s end has passed; reject it so the brand can reschedule.',
        );
      }
      await deps.payments.reserve({
        campaignId: campaign.id,
        brandId: campaign.brandId,
        budgetCents: campaign.budgetCents,
        pricingModel: campaign.pricingModel,
        rateCents: campaign.rateCents,
        perStreamerCapCents: campaign.perStreamerCapCents,
      });
      const launches = campaign.startsAt.getTime() <= now.getTime();
      const updated = await tx.campaign.update({
        where: { id: campaign.id },
        data: {
          status,
          approvedAt: now,
          approvedBy: admin.adminId,
          launchedAt: launches ? now : null,
          walletShortByCents: null,
        },
      });
      await recordEvent(tx, 'campaign.approved', {
        ...campaignRef(updated),
        approvedBy: admin.adminId,
      });
      await recordCampaignAdminAction(tx, {
        admin,
        action: 'approve',
        before: campaign,
        after: updated,
        reason: null,
        now,
      });
      if (launches) await recordEvent(tx, 'campaign.launched', campaignRef(updated));
      return updated;
    });
  } catch (error) {
    const shortByCents = walletShortByCents(error);
    if (shortByCents !== null) {
      await deps.db.campaign.update({
        where: { id: campaignId },
        data: { walletShortByCents: shortByCents },
      });
    }
    throw error;
  }
  await deps.schedule.scheduleWindow(approved);
  return campaignView(approved, 'admin', now);
}

export async function rejectCampaign(
  deps: CampaignDeps,
  admin: AdminActor,
  campaignId: string,
  reason: string,
): Promise<CampaignView> {
  const now = deps.now();
  const rejected = await deps.db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign) throw campaignNotFound();
    const status = requireTransition(campaign, 'reject', 'admin');
    const updated = await tx.campaign.update({
      where: { id: campaign.id },
      data: { status, rejectedAt: now, rejectedBy: admin.adminId, rejectionReason: reason },
    });
    await recordEvent(tx, 'campaign.rejected', {
      ...campaignRef(updated),
      rejectedBy: admin.adminId,
      reason,
    });
    await recordCampaignAdminAction(tx, {
      admin,
      action: 'reject',
      before: campaign,
      after: updated,
      reason,
      now,
    });
    return updated;
  });
  return campaignView(rejected, 'admin', now);
}
