'use client';

import { RouteError } from '@gametriggers/ui';

export default function StreamerAnalyticsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError title="Your analytics could not be loaded" reset={reset}>
      Something went wrong on our side. Try again in a moment; if it keeps happening, contact
      support.
    </RouteError>
  );
}
