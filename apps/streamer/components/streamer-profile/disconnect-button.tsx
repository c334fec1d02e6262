'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import type { StreamingPlatform } from '@gametriggers/contracts';
import { Alert, Button } from '@gametriggers/ui';
import { useState, useTransition } from 'react';
import { platformLabels } from './formatting';

export function DisconnectButton({
  platform,
  disconnect,
}: {
  platform: StreamingPlatform;
  disconnect: (platform: StreamingPlatform) => Promise<ActionResult<null>>;
}) {
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  if (!confirming) {
    return (
      <Button
        type="button"
        variant="secondary"
        data-testid={`disconnect-${platform}`}
        onClick={() => setConfirming(true)}
      >
        Disconnect
      </Button>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        Disconnect {platformLabels[platform]}? Its followers and viewers stop counting towards
        campaigns.
      </p>
      <div className="flex gap-2">
        <Button
          type="button"
          variant="danger"
          loading={pending}
          data-testid={`confirm-disconnect-${platform}`}
          onClick={() =>
            startTransition(async () => {
              const result = await disconnect(platform);
              if (result.ok) setConfirming(false);
              else setError(result.error.message);
            })
          }
        >
          Disconnect
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
