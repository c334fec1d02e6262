'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { ConnectablePlatform } from '@gametriggers/contracts';
import { Alert, Button } from '@gametriggers/ui';
import { useState, useTransition } from 'react';
import { platformLabels } from './formatting';

/** Sends the streamer to the platform's consent screen; comes back to `returnTo`. */
export function ConnectButton({
  platform,
  returnTo,
  start,
  label,
  variant = 'primary',
}: {
  platform: ConnectablePlatform;
  returnTo: string;
  start: (platform: ConnectablePlatform, returnTo: string) => Promise<ActionResult<null>>;
  label?: string;
  variant?: 'primary' | 'secondary';
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant={variant}
        loading={pending}
        data-testid={`connect-${platform}`}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            // On success the action redirects to the platform; only a refusal comes back.
            const result = await start(platform, returnTo);
            if (!result.ok) setError(result.error.message);
          })
        }
      >
        {label ?? `Connect ${platformLabels[platform]}`}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
