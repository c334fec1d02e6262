'use client';

import type { ReactNode } from 'react';
import { Button } from './controls';
import { EmptyState } from './page-parts';

/** A route's `error.tsx` body: what failed, what to do, and a retry that re-renders the route. */
export function RouteError({
  title,
  children,
  reset,
}: {
  title: string;
  children: ReactNode;
  reset: () => void;
}) {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <EmptyState
        title={title}
        action={
          <Button variant="secondary" onClick={reset}>
            Try again
          </Button>
        }
      >
        {children}
      </EmptyState>
    </main>
  );
}
