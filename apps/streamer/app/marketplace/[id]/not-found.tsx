import { ButtonLink, EmptyState } from '@gametriggers/ui';
import { portal } from '../../../portal';

export default function MarketplaceCampaignNotFound() {
  return (
    <portal.Shell>
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
    </portal.Shell>
  );
}
