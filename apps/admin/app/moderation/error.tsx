'use client';

import { RouteError } from '@gametriggers/ui';

export default function ModerationError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError title="The moderation queue could not be loaded" reset={reset}>
      Something went wrong on our side. Try again in a moment.
    </RouteError>
  );
}
