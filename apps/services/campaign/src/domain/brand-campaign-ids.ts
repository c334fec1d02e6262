import { MAX_BRAND_CAMPAIGNS_PER_REPORT } from '@gametriggers/contracts';
import type { BrandCampaignIds } from '@gametriggers/contracts';
import type { CampaignDeps } from './deps';

/**
 * The ids of a brand's campaigns that were ever approved (only those can have delivery), newest
 * first; an unknown brand has none.
 */
export async function brandCampaignIds(
  deps: CampaignDeps,
  brandId: string,
): Promise<BrandCampaignIds> {
  const campaigns = await deps.db.campaign.findMany({
    where: { brandId, approvedAt: { not: null } },
    select: { id: true },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_BRAND_CAMPAIGNS_PER_REPORT,
  });
  return { campaignIds: campaigns.map((campaign) => campaign.id) };
}
