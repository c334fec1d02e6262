import { ButtonLink, EmptyState } from '@gametriggers/ui';

export default function CampaignNotFound() {
  return (
    <main className="mx-auto max-w-2xl p-6">
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
    </main>
  );
}
