'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { MarketplaceFilters } from '../../components/marketplace/search-params';
import type { MarketplaceCampaign } from '../../components/marketplace/types';
import { portal } from '../../portal';

/** The next page of the same view, for "Load more". */
export async function loadMoreCampaigns(
  filters: MarketplaceFilters,
  cursor: string,
): Promise<ActionResult<{ items: MarketplaceCampaign[]; nextCursor: string | null }>> {
  return portal.act((api) =>
    api.campaign.discover.query({ ...filters, cursor: cursor.slice(0, 200), limit: 12 }),
  );
}
