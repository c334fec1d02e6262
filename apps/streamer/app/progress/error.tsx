'use client';

import { RouteError } from '@gametriggers/ui';

export default function ProgressError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError title="Your progress could not be loaded" reset={reset}>
      Something went wrong on our side. Your streak and points are safe; try again in a moment.
    </RouteError>
  );
}
