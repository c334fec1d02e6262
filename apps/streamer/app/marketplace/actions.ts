'use server';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { ReportContentInput } from '@gametriggers/contracts';
import { discoverWithStandings } from '../../components/marketplace/discovered-campaigns';
import type { MarketplaceFilters } from '../../components/marketplace/search-params';
import type { MarketplaceEntry } from '../../components/marketplace/types';
import { portal } from '../../portal';

/** The next page of the same view, for "Load more". */
export async function loadMoreCampaigns(
  filters: MarketplaceFilters,
  cursor: string,
): Promise<ActionResult<{ items: MarketplaceEntry[]; nextCursor: string | null }>> {
  return portal.act((api) =>
    discoverWithStandings(api, { ...filters, cursor: cursor.slice(0, 200), limit: 12 }),
  );
}

/** Reports a campaign's creative to moderation. */
export async function reportAd(input: ReportContentInput): Promise<ActionResult<unknown>> {
  return portal.act((api) => api.campaign.reportContent.mutate(input));
}
