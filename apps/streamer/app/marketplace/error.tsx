'use client';

import { Button, EmptyState } from '@gametriggers/ui';

export default function MarketplaceError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <EmptyState
        title="The marketplace could not be loaded"
        action={
          <Button variant="secondary" onClick={reset}>
            Try again
          </Button>
        }
      >
        Something went wrong on our side. Try again in a moment; if it keeps happening, contact
        support.
      </EmptyState>
    </main>
  );
}
