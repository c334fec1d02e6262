'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Alert, Button } from '@gametriggers/ui';
import { useState } from 'react';
import { CampaignCard } from './campaign-card';
import type { MarketplaceFilters } from './search-params';
import type { MarketplaceEntry } from './types';

type Page = { items: MarketplaceEntry[]; nextCursor: string | null };

/** The discovered campaigns, with "Load more" appending the next keyset page in place. */
export function MarketplaceResults({
  filters,
  initial,
  loadMore,
}: {
  filters: MarketplaceFilters;
  initial: Page;
  loadMore: (filters: MarketplaceFilters, cursor: string) => Promise<ActionResult<Page>>;
}) {
  const [items, setItems] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function more() {
    if (!cursor) return;
    setLoading(true);
    setFailure(undefined);
    const result = await loadMore(filters, cursor);
    setLoading(false);
    if (!result.ok) {
      setFailure(result.error.message);
      return;
    }
    // A campaign may appear twice if its sort value changed between pages; keep the first.
    setItems((current) => [
      ...current,
      ...result.data.items.filter((item) => !current.some((seen) => seen.id === item.id)),
    ]);
    setCursor(result.data.nextCursor);
  }

  return (
    <div className="space-y-6">
      <ul data-testid="marketplace-list" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {items.map((campaign) => (
          <CampaignCard key={campaign.id} campaign={campaign} />
        ))}
      </ul>
      {failure ? <Alert title="More campaigns could not be loaded">{failure}</Alert> : null}
      {cursor ? (
        <div className="flex justify-center">
          <Button
            variant="secondary"
            loading={loading}
            onClick={() => void more()}
            data-testid="load-more"
          >
            Load more
          </Button>
        </div>
      ) : items.length > 6 ? (
        <p className="text-center text-sm text-slate-500">
          That is every campaign that matches you right now.
        </p>
      ) : null}
    </div>
  );
}
