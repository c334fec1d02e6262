'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Alert, Button } from '@gametriggers/ui';
import { useState } from 'react';
import type { ReactNode } from 'react';

/** Asks for a fresh onboarding link (they expire quickly) and goes there. */
export function OnboardingButton({
  start,
  variant,
  children,
}: {
  start: () => Promise<ActionResult<null>>;
  variant: 'primary' | 'ghost';
  children: ReactNode;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function go() {
    setError(undefined);
    setPending(true);
    try {
      // On success the action redirects to the onboarding pages; only a refusal comes back.
      const result = await start();
      if (!result.ok) setError(result.error.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <Button type="button" variant={variant} loading={pending} onClick={() => void go()}>
        {children}
      </Button>
      {error ? <Alert title="The payout setup could not start">{error}</Alert> : null}
    </div>
  );
}
