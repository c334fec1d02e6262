import { Alert, ButtonLink, EmptyState, PageHeader } from '@gametriggers/ui';
import { portal } from '../../portal';
import { loadMoreStreamers } from './actions';
import { DiscoverFilters } from './discover-filters';
import { DiscoverResults } from './discover-results';
import type { DiscoverParams } from './search-params';
import { isFiltered, paramsOfSearch, searchFromParams } from './search-params';

export const dynamic = 'force-dynamic';

export default async function DiscoverPage({
  searchParams,
}: {
  searchParams: Promise<DiscoverParams>;
}) {
  const { input, ignored } = searchFromParams(await searchParams);
  const result = await portal.act((api) => api.streamer.search.query(input));
  const { cursor: _shownFrom, ...search } = input;
  const filtered = isFiltered(search);

  return (
    <portal.Shell>
      <PageHeader
        title="Discover streamers"
        description="Channels with verified numbers from their platforms. Filter by what they stream, where, and how big."
      />
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside>
          <DiscoverFilters search={search} />
        </aside>
        <section aria-label="Streamers" className="min-w-0 space-y-4">
          {ignored.length ? (
            <Alert tone="warning">
              Some filters were not understood and are left out: {ignored.join(', ')}.
            </Alert>
          ) : null}
          {!result.ok ? (
            <div data-testid="discover-error">
              <Alert title="The search failed">{result.error.message}</Alert>
            </div>
          ) : result.data.items.length === 0 ? (
            <div data-testid="discover-empty">
              <EmptyState
                title={filtered ? 'No streamers match these filters' : 'No streamers yet'}
                icon={
                  <svg
                    viewBox="0 0 24 24"
                    className="size-6"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.8"
                  >
                    <path
                      strokeLinecap="round"
                      strokeLinejoin="round"
                      d="m21 21-4.35-4.35M10.5 18a7.5 7.5 0 1 1 0-15 7.5 7.5 0 0 1 0 15Z"
                    />
                  </svg>
                }
                action={
                  filtered ? (
                    <ButtonLink href="/discover" variant="secondary">
                      Clear all filters
                    </ButtonLink>
                  ) : undefined
                }
              >
                {filtered
                  ? 'Try fewer categories, a lower minimum, or any language and country. Live-only shows just who is on air right now.'
                  : 'Streamers appear here as soon as they set up their profile. Check back soon.'}
              </EmptyState>
            </div>
          ) : (
            <DiscoverResults
              // A new search starts a new list.
              key={paramsOfSearch(search).toString()}
              search={search}
              initialItems={result.data.items}
              initialCursor={result.data.nextCursor}
              nextPageHref={
                result.data.nextCursor
                  ? `/discover?${paramsOfSearch(search, result.data.nextCursor).toString()}`
                  : null
              }
              loadMore={loadMoreStreamers}
            />
          )}
        </section>
      </div>
    </portal.Shell>
  );
}
