'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Alert, Button } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

/** Approving reserves the budget from the brand's wallet; a short wallet is said here. */
export function ApproveButton({ approve }: { approve: () => Promise<ActionResult<null>> }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <Button
        type="button"
        loading={pending}
        data-testid="approve-campaign"
        onClick={() =>
          startTransition(async () => {
            const result = await approve();
            if (result.ok) {
              setError(undefined);
              router.refresh();
            } else {
              setError(result.error.message);
            }
          })
        }
      >
        Approve
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
