'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { SearchStreamersInput } from '@gametriggers/contracts';
import { Alert, Button } from '@gametriggers/ui';
import { useState, useTransition } from 'react';
import type { StreamerResult } from './streamer-result-card';
import { StreamerResultCard } from './streamer-result-card';

/** The result grid; "Load more" appends the next keyset page in place (a plain link without JS). */
export function DiscoverResults({
  search,
  initialItems,
  initialCursor,
  nextPageHref,
  loadMore,
}: {
  search: SearchStreamersInput;
  initialItems: StreamerResult[];
  initialCursor: string | null;
  nextPageHref: string | null;
  loadMore: (
    input: SearchStreamersInput,
    cursor: string,
  ) => Promise<ActionResult<{ items: StreamerResult[]; nextCursor: string | null }>>;
}) {
  const [items, setItems] = useState(initialItems);
  const [cursor, setCursor] = useState(initialCursor);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  return (
    <>
      <ul className="grid gap-4 sm:grid-cols-2 2xl:grid-cols-3" data-testid="streamer-results">
        {items.map((streamer) => (
          <StreamerResultCard key={streamer.streamerId} streamer={streamer} />
        ))}
      </ul>
      {error ? (
        <div className="mt-4">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {cursor ? (
        <div className="mt-6 flex justify-center">
          <Button
            type="button"
            variant="secondary"
            loading={pending}
            data-testid="load-more"
            onClick={() =>
              startTransition(async () => {
                setError(undefined);
                const result = await loadMore(search, cursor);
                if (!result.ok) {
                  setError(result.error.message);
                  return;
                }
                setItems((shown) => [
                  ...shown,
                  ...result.data.items.filter(
                    (item) => !shown.some((seen) => seen.streamerId === item.streamerId),
                  ),
                ]);
                setCursor(result.data.nextCursor);
              })
            }
          >
            Load more streamers
          </Button>
          {nextPageHref ? (
            <noscript>
              <a href={nextPageHref} className="text-sm font-semibold text-brand-700 underline">
                Next streamers
              </a>
            </noscript>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
