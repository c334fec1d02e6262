'use client';

import { Button, EmptyState } from '@gametriggers/ui';

export default function ProfileError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <EmptyState
        title="Your company profile could not be loaded"
        action={
          <Button variant="secondary" onClick={reset}>
            Try again
          </Button>
        }
      >
        Something went wrong while we fetched it. Nothing you entered is lost; try again in a
        moment.
      </EmptyState>
    </main>
  );
}
