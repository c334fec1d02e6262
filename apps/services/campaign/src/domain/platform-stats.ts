import type { PlatformStatsRange } from '@gametriggers/contracts';
import type { CampaignDb } from '../database';
import { statusCounts } from './campaign-listing';

/** The dashboard's campaigns: how many are in each status now, and how many launched in the window. */
export async function campaignPlatformStats(db: CampaignDb, range: PlatformStatsRange) {
  const [byStatus, launchedInRange] = await Promise.all([
    statusCounts(db, {}),
    db.campaign.count({ where: { launchedAt: { gte: range.from, lt: range.to } } }),
  ]);
  return { byStatus, launchedInRange };
}

/** Titles and brands of the campaigns the dashboard ranks (ids it does not know are left out). */
export async function campaignTitles(db: CampaignDb, campaignIds: string[]) {
  const campaigns = await db.campaign.findMany({
    where: { id: { in: campaignIds } },
    select: { id: true, title: true, brandName: true, status: true },
  });
  return campaigns.map(({ id, ...rest }) => ({ campaignId: id, ...rest }));
}
