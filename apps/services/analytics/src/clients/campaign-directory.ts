import { campaignForParticipationSchema } from '@gametriggers/contracts';
import { callInternalQuery } from './internal-query';

/** Which brand owns a campaign: the campaign service's `campaign.internal.forParticipation`. */
export interface CampaignDirectory {
  brandOf(campaignId: string): Promise<string | null>;
}

export function createCampaignDirectory(options: { url: string; secret: string }): CampaignDirectory {
  return {
    async brandOf(campaignId) {
      const result = await callInternalQuery(options, 'campaign.internal.forParticipation', {
        campaignId,
      });
      return result === null ? null : campaignForParticipationSchema.parse(result).brandId;
    },
  };
}

/** A campaign's brand never changes, so owners are remembered for the life of the process. */
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
  };
}
