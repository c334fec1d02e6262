import type { CampaignForParticipation } from '@gametriggers/contracts';
import { campaignForParticipationSchema } from '@gametriggers/contracts';
import type { Campaign } from '../generated/prisma/client';
import type { CampaignView, PublicCampaignView } from '../schemas';
import type { CampaignActor } from './status-machine';
import { allowedActions } from './status-machine';

/** Streamers can discover and join: approved, not paused, inside its schedule. */
export function isRunning(campaign: Pick<Campaign, 'status' | 'startsAt' | 'endsAt'>, now: Date) {
  return (
    campaign.status === 'active' &&
    campaign.startsAt.getTime() <= now.getTime() &&
    now.getTime() < campaign.endsAt.getTime()
  );
}

export function publicCampaignView(campaign: Campaign): PublicCampaignView {
  return {
    id: campaign.id,
    brandId: campaign.brandId,
    brandName: campaign.brandName,
    title: campaign.title,
    description: campaign.description,
    creative: {
      assetId: campaign.creativeAssetId,
      type: campaign.creativeType,
      url: campaign.creativeUrl,
      thumbnailUrl: campaign.creativeThumbnailUrl,
      altText: campaign.creativeAltText,
    },
    clickThroughUrl: campaign.clickThroughUrl,
    categories: campaign.categories as PublicCampaignView['categories'],
    languages: campaign.languages as PublicCampaignView['languages'],
    regions: campaign.regions as PublicCampaignView['regions'],
    minFollowers: campaign.minFollowers,
    minAverageViewers: campaign.minAverageViewers,
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    pricing: { model: campaign.pricingModel, rateCents: campaign.rateCents },
    remainingBudgetCents: campaign.remainingBudgetCents,
    perStreamerCapCents: campaign.perStreamerCapCents,
    maxParticipants: campaign.maxParticipants,
    activeParticipantCount: campaign.activeParticipantCount,
    frequency: {
      adDurationSeconds: campaign.adDurationSeconds,
      minMinutesBetweenShows: campaign.minMinutesBetweenShows,
      maxShowsPerHour: campaign.maxShowsPerHour,
    },
    joinMode: campaign.joinMode,
    gkeyCooloffHours: campaign.gkeyCooloffHours,
  };
}

export function campaignView(campaign: Campaign, viewer: CampaignActor, now: Date): CampaignView {
  return {
    ...publicCampaignView(campaign),
    status: campaign.status,
    allowedActions: allowedActions(campaign.status, viewer).filter(
      // Each side lifts only its own pause.
      (action) => action !== 'resume' || campaign.pausedBy === viewer,
    ),
    running: isRunning(campaign, now),
    budgetCents: campaign.budgetCents,
    spentCents: campaign.budgetCents - campaign.remainingBudgetCents,
    walletShortByCents: campaign.walletShortByCents,
    targetImpressions: campaign.targetImpressions,
    submittedAt: campaign.submittedAt,
    approvedAt: campaign.approvedAt,
    approvedBy: campaign.approvedBy,
    rejectedAt: campaign.rejectedAt,
    rejectedBy: campaign.rejectedBy,
    rejectionReason: campaign.rejectionReason,
    creativeRejectedAt: campaign.creativeRejectedAt,
    creativeRejectionReason: campaign.creativeRejectionReason,
    launchedAt: campaign.launchedAt,
    pausedAt: campaign.pausedAt,
    pausedBy: campaign.pausedBy,
    pauseReason: campaign.pauseReason,
    completedAt: campaign.completedAt,
    completedReason: campaign.completedReason,
    cancelledAt: campaign.cancelledAt,
    cancelledBy: campaign.cancelledBy,
    closedByAdminReason: campaign.closedByAdminReason,
    lastParticipantLeftAt: campaign.lastParticipantLeftAt,
    createdAt: campaign.createdAt,
    updatedAt: campaign.updatedAt,
  };
}

/** The contract shape the participation service reads before a streamer joins. */
export function campaignForParticipation(campaign: Campaign): CampaignForParticipation {
  return campaignForParticipationSchema.parse({
    campaignId: campaign.id,
    brandId: campaign.brandId,
    title: campaign.title,
    status: campaign.status,
    joinMode: campaign.joinMode,
    categories: campaign.categories,
    languages: campaign.languages,
    regions: campaign.regions,
    minFollowers: campaign.minFollowers,
    minAverageViewers: campaign.minAverageViewers,
    gkeyCooloffHours: campaign.gkeyCooloffHours,
    maxParticipants: campaign.maxParticipants,
    remainingBudgetCents: campaign.remainingBudgetCents,
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
  });
}
