import { brandCampaignIdsSchema, campaignForParticipationSchema } from '@gametriggers/contracts';
import { callInternalQuery } from './internal-query';

/**
 * Which brand owns a campaign (`campaign.internal.forParticipation`) and which campaigns a brand
 * has (`campaign.internal.brandCampaignIds`), from the campaign service.
 */
export interface CampaignDirectory {
  brandOf(campaignId: string): Promise<string | null>;
  campaignIdsOf(brandId: string): Promise<string[]>;
}

export function createCampaignDirectory(options: { url: string; secret: string }): CampaignDirectory {
  return {
    async brandOf(campaignId) {
      const result = await callInternalQuery(options, 'campaign.internal.forParticipation', {
        campaignId,
      });
      return result === null ? null : campaignForParticipationSchema.parse(result).brandId;
    },
    async campaignIdsOf(brandId) {
      const result = await callInternalQuery(options, 'campaign.internal.brandCampaignIds', {
        brandId,
      });
      return brandCampaignIdsSchema.parse(result).campaignIds;
    },
  };
}

/**
 * A campaign's brand never changes, so owners are remembered for the life of the process. A brand's
 * campaigns do change (new ones get approved), so those are asked every time.
 */
export function cachedCampaignDirectory(directory: CampaignDirectory): CampaignDirectory {
  const owners = new Map<string, string>();
  return {
    async brandOf(campaignId) {
      const known = owners.get(campaignId);
      if (known) return known;
      const brandId = await directory.brandOf(campaignId);
      if (brandId) owners.set(campaignId, brandId);
      return brandId;
    },
    campaignIdsOf: (brandId) => directory.campaignIdsOf(brandId),
  };
}
