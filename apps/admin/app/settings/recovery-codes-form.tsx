'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Alert, Button, Field } from '@gametriggers/ui';
import { useState, useTransition } from 'react';

type Regenerated = { recoveryCodes: string[] };

/** New recovery codes against a current authenticator code; shown this once, the old ones stop working. */
export function RecoveryCodesForm({
  regenerate,
}: {
  regenerate: (form: FormData) => Promise<ActionResult<Regenerated>>;
}) {
  const [result, setResult] = useState<ActionResult<Regenerated>>();
  const [pending, startTransition] = useTransition();

  if (result?.ok) {
    return (
      <Alert tone="success" title="Your new recovery codes">
        <p>Keep them somewhere safe: they are shown only now, and your old codes no longer work.</p>
        <ul
          className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm"
          data-testid="recovery-codes"
        >
          {result.data.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </Alert>
    );
  }
  const codeError =
    result?.ok === false
      ? (result.error.fieldErrors?.code?.[0] ?? result.error.message)
      : undefined;
  return (
    <form
      action={(form) => startTransition(async () => setResult(await regenerate(form)))}
      className="flex flex-col gap-3 sm:flex-row sm:items-start"
      data-testid="regenerate-recovery-codes"
    >
      <div className="sm:w-64">
        <Field
          id="totp-code"
          name="code"
          label="Current authenticator code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          error={codeError}
        />
      </div>
      <Button type="submit" variant="secondary" loading={pending} className="sm:mt-7">
        New recovery codes
      </Button>
    </form>
  );
}
