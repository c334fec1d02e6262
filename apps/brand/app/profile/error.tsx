'use client';

import { RouteError } from '@gametriggers/ui';

export default function ProfileError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError title="Your company profile could not be loaded" reset={reset}>
      Something went wrong while we fetched it. Nothing you entered is lost; try again in a
      moment.
    </RouteError>
  );
}
