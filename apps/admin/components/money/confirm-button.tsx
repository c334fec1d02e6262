'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Alert, Button } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

/** An action without a reason (approving, running a check) that still asks "are you sure?" first. */
export function ConfirmButton({
  label,
  question,
  action,
  fields = {},
  testId,
}: {
  label: string;
  question: string;
  action: (form: FormData) => Promise<ActionResult<unknown>>;
  fields?: Record<string, string>;
  testId?: string;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function confirm() {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    startTransition(async () => {
      const result = await action(form);
      if (result.ok) {
        setAsking(false);
        setError(undefined);
        router.refresh();
      } else setError(result.error.message);
    });
  }

  if (!asking) {
    return (
      <Button type="button" variant="primary" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </Button>
    );
  }
  return (
    <div className="space-y-2" role="group" aria-label={question}>
      <p className="text-sm text-slate-700">{question}</p>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="button" onClick={confirm} loading={pending} data-testid={testId ? `${testId}-confirm` : undefined}>
          Yes, {label.toLowerCase()}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setAsking(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
