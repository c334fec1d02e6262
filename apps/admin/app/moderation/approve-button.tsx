'use client';

import type { ReasonConfirmResult } from '@gametriggers/ui';
import { Alert, Button } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

/** Approving takes nothing away, so it needs no reason; a refusal shows its message. */
export function ApproveButton({ action }: { action: () => Promise<ReasonConfirmResult> }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="primary"
        loading={pending}
        data-testid="moderation-approve"
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            if (result.ok) router.refresh();
            else setError(result.error.message);
          })
        }
      >
        Approve
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
