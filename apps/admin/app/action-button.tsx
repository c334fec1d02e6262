'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Alert, Button } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

/** A decision that needs no reason (an approval): one click, the service's refusal shown below it. */
export function ActionButton({
  label,
  action,
  testId,
}: {
  label: string;
  action: () => Promise<ActionResult<null>>;
  testId: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <Button
        type="button"
        loading={pending}
        data-testid={testId}
        onClick={() =>
          startTransition(async () => {
            const result = await action();
            if (result.ok) {
              setError(undefined);
              router.refresh();
            } else {
              setError(result.error.message);
            }
          })
        }
      >
        {label}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
