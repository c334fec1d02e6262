import { Alert, ButtonLink, EmptyState, PageHeader } from '@gametriggers/ui';
import { discoverWithStandings } from '../../components/marketplace/discovered-campaigns';
import { firstMarketplaceView } from '../../components/marketplace/first-view';
import { MarketplaceFilters } from '../../components/marketplace/marketplace-filters';
import { MarketplaceResults } from '../../components/marketplace/marketplace-results';
import type { MarketplaceParams } from '../../components/marketplace/search-params';
import {
  filtersFromParams,
  isNarrowed,
  paramsOfFilters,
} from '../../components/marketplace/search-params';
import {
  categoryLabel,
  countryLabel,
  formatCount,
  languageLabel,
} from '../../components/marketplace/formatting';
import { requireOnboardedStreamer } from '../../components/streamer-profile';
import type { StreamerProfile } from '../../components/streamer-profile';
import { portal } from '../../portal';
import { loadMoreCampaigns } from './actions';

export const dynamic = 'force-dynamic';

/** Discovery matches only the streamer's own categories, so only those can narrow it. */
const streamerCategories = (profile: StreamerProfile) => [
  profile.content.primaryCategory,
  ...profile.content.secondaryCategories,
];

/** Why nothing shows: every part of a campaign's targeting must match, so say what the profile holds. */
function NothingMatches({ profile, narrowed }: { profile: StreamerProfile; narrowed: boolean }) {
  const categories = streamerCategories(profile).map(categoryLabel);
  return (
    <div data-testid="marketplace-empty">
      <EmptyState
        title={
          narrowed
            ? 'No campaign matches these filters'
            : 'No campaign matches your channel right now'
        }
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
          <div className="flex flex-wrap justify-center gap-3">
            {narrowed ? (
              <ButtonLink href="/marketplace" variant="secondary">
                Clear filters
              </ButtonLink>
            ) : null}
            <ButtonLink href="/profile">Review your profile</ButtonLink>
          </div>
        }
      >
        <p>
          A campaign shows here when it targets one of your categories ({categories.join(', ')}),
          your language ({languageLabel(profile.content.language)}), your country (
          {countryLabel(profile.demographics.country)}) and an audience of your size (
          {formatCount(profile.metrics.followers)} followers,{' '}
          {formatCount(profile.metrics.averageViewers)} average viewers) — all of them at once.
        </p>
        <p className="mt-2">
          Brands launch new campaigns every week. Adding a secondary category or connecting another
          platform with a bigger audience can open more of them.
        </p>
      </EmptyState>
    </div>
  );
}

export default async function MarketplacePage({
  searchParams,
}: {
  searchParams: Promise<MarketplaceParams>;
}) {
  const filters = filtersFromParams(await searchParams);
  const { profile, campaigns: result } = await firstMarketplaceView(requireOnboardedStreamer, () =>
    portal.act((api) => discoverWithStandings(api, { ...filters, limit: 12 })),
  );

  return (
    <portal.Shell>
      <PageHeader
        title="Marketplace"
        description="Campaigns that match your channel and are running now. Join one to put it on your overlay."
      />
      <MarketplaceFilters filters={filters} categories={streamerCategories(profile)} />
      {!result.ok ? (
        <div data-testid="marketplace-error">
          <Alert title="Campaigns could not be loaded">{result.error.message}</Alert>
        </div>
      ) : result.data.items.length === 0 ? (
        <NothingMatches profile={profile} narrowed={isNarrowed(filters)} />
      ) : (
        <MarketplaceResults
          // A new view starts a new list.
          key={paramsOfFilters(filters).toString()}
          filters={filters}
          initial={result.data}
          loadMore={loadMoreCampaigns}
        />
      )}
    </portal.Shell>
  );
}
