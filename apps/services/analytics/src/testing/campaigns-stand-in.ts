import type { CampaignDirectory } from '../clients/campaign-directory';

/** Campaign ownership for tests, without the campaign service. */
export function campaignsStandIn(owners: Record<string, string> = {}) {
  const brands = new Map(Object.entries(owners));
  const directory: CampaignDirectory & { setOwner(campaignId: string, brandId: string): void } = {
    brandOf: (campaignId) => Promise.resolve(brands.get(campaignId) ?? null),
    campaignIdsOf: (brandId) =>
      Promise.resolve(
        [...brands].filter(([, owner]) => owner === brandId).map(([campaignId]) => campaignId),
      ),
    setOwner: (campaignId, brandId) => {
      brands.set(campaignId, brandId);
    },
  };
  return directory;
}
