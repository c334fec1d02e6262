'use client';

import { RouteError } from '@gametriggers/ui';

export default function BillingError({ reset }: { error: Error; reset: () => void }) {
  return (
    <RouteError title="Billing could not be loaded" reset={reset}>
      Something went wrong on our side. Your wallet and payments are safe; try again in a moment,
      and if it keeps happening, contact support.
    </RouteError>
  );
}
