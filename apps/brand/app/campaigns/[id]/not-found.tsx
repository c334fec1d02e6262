import { ButtonLink, EmptyState } from '@gametriggers/ui';
import { portal } from '../../../portal';

export default function CampaignNotFound() {
  return (
    <portal.Shell>
      <EmptyState
        title="No such campaign"
        action={
          <ButtonLink href="/campaigns" variant="secondary">
            Back to your campaigns
          </ButtonLink>
        }
      >
        It may have been mistyped, or it belongs to another brand.
      </EmptyState>
    </portal.Shell>
  );
}
