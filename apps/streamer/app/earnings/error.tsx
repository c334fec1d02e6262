'use client';

import { RouteError } from '@gametriggers/ui';

export default function EarningsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError title="Your earnings could not be loaded" reset={reset}>
      Something went wrong on our side. Your earnings are safe; try again in a moment, and if it
      keeps happening, contact support.
    </RouteError>
  );
}
