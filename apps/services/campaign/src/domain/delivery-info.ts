import type { CampaignDeliveryInfo } from '@gametriggers/contracts';
import { campaignDeliveryInfoSchema } from '@gametriggers/contracts';
import type { Campaign } from '../generated/prisma/client';
import type { CampaignDeps } from './deps';

function deliveryInfoOf(campaign: Campaign): CampaignDeliveryInfo {
  return campaignDeliveryInfoSchema.parse({
    campaignId: campaign.id,
    brandName: campaign.brandName,
    title: campaign.title,
    creative: {
      type: campaign.creativeType,
      url: campaign.creativeUrl,
      ...(campaign.creativeAltText ? { altText: campaign.creativeAltText } : {}),
    },
    clickThroughUrl: campaign.clickThroughUrl,
    frequency: {
      adDurationSeconds: campaign.adDurationSeconds,
      minMinutesBetweenShows: campaign.minMinutesBetweenShows,
      maxShowsPerHour: campaign.maxShowsPerHour,
    },
    pricing: { model: campaign.pricingModel, rateCents: campaign.rateCents },
    status: campaign.status,
    impressions: campaign.impressions,
    clicks: campaign.clicks,
  });
}

/** What the overlay service shows for each campaign (unknown ids are left out). */
export async function campaignDeliveryInfo(deps: CampaignDeps, campaignIds: string[]): Promise<CampaignDeliveryInfo[]> {
  if (campaignIds.length === 0) return [];
  const campaigns = await deps.db.campaign.findMany({ where: { id: { in: campaignIds } } });
  return campaigns.map(deliveryInfoOf);
}
