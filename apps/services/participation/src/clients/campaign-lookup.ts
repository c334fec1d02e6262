import type { CampaignRouter } from '@gametriggers/campaign-service/router';
import { campaignForParticipationSchema } from '@gametriggers/contracts';
import { createServiceClient } from '@gametriggers/trpc';
import type { CampaignLookup } from '../domain/deps';

export function createCampaignLookup(options: { url: string; secret: string }): CampaignLookup {
  const client = createServiceClient<CampaignRouter>({ ...options, caller: 'participation' });
  return {
    async forParticipation(campaignId) {
      return campaignForParticipationSchema
        .nullable()
        .parse(await client.campaign.internal.forParticipation.query({ campaignId }));
    },
  };
}
