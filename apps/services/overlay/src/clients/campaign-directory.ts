import type { CampaignRouter } from '@gametriggers/campaign-service/router';
import { campaignDeliveryInfoSchema } from '@gametriggers/contracts';
import { createServiceClient } from '@gametriggers/trpc';
import { z } from 'zod';
import type { CampaignDirectory } from '../domain/deps';

/** The campaign service's `campaign.internal.deliveryInfo`. */
export function createCampaignDirectory(options: { url: string; secret: string }): CampaignDirectory {
  const client = createServiceClient<CampaignRouter>({ ...options, caller: 'overlay' });
  return {
    async deliveryInfo(campaignIds) {
      if (campaignIds.length === 0) return [];
      return z.array(campaignDeliveryInfoSchema).parse(await client.campaign.internal.deliveryInfo.query({ campaignIds }));
    },
  };
}
