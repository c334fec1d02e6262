import { portal } from '../../portal';

/** Titles are a nicety: the newest campaigns' names, and a short id for any other. */
const CAMPAIGNS_FOR_TITLES = 100;

/** A name for each campaign id the wallet mentions. */
export async function campaignTitles(): Promise<(campaignId: string) => string> {
  const result = await portal.act((api) => api.campaign.listMine.query({ limit: CAMPAIGNS_FOR_TITLES }));
  const titles = new Map(result.ok ? result.data.items.map((campaign) => [campaign.id, campaign.title]) : []);
  return (campaignId) => titles.get(campaignId) ?? `Campaign ${campaignId.slice(0, 8)}`;
}
