import type { CampaignDirectory } from '../clients/campaign-directory';

/** Campaign ownership for tests, without the campaign service. */
export function campaignsStandIn(owners: Record<string, string> = {}) {
  const brands = new Map(Object.entries(owners));
  const directory: CampaignDirectory & { setOwner(campaignId: string, brandId: string): void } = {
    brandOf: (campaignId) => Promise.resolve(brands.get(campaignId) ?? null),
    setOwner: (campaignId, brandId) => {
      brands.set(campaignId, brandId);
    },
  };
  return directory;
}
