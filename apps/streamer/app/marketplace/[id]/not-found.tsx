import { ButtonLink, EmptyState } from '@gametriggers/ui';

export default function MarketplaceCampaignNotFound() {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <EmptyState
        title="This campaign is not running"
        action={
          <ButtonLink href="/marketplace" variant="secondary">
            Back to the marketplace
          </ButtonLink>
        }
      >
        It may have ended, been paused by its brand, or the link is mistyped.
      </EmptyState>
    </main>
  );
}
