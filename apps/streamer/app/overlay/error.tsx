'use client';

import { RouteError } from '@gametriggers/ui';

export default function OverlayError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError title="Your overlay could not be loaded" reset={reset}>
      Something went wrong on our side. Your overlay in OBS keeps working; try again in a moment,
      and if it keeps happening, contact support.
    </RouteError>
  );
}
