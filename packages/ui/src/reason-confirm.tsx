'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button } from './controls';
import { Textarea } from './form-controls';

/** What the confirmed action reports: a server action's `ActionResult` fits. */
export type ReasonConfirmResult =
  | { ok: true }
  | { ok: false; error: { message: string; fieldErrors?: Record<string, string[]> } };

const MIN_REASON_LENGTH = 3;

/**
 * A consequential action behind a button: the dialog asks why (kept in the audit log), shows what
 * will happen, and runs only on an explicit confirmation. Extra inputs (an amount, a choice) go in
 * `children`; the action receives them with `reason` as form data. On success the page refreshes
 * from the server; a refusal keeps the dialog open with its message.
 */
export function ReasonConfirm({
  label,
  title,
  description,
  confirmLabel = label,
  variant = 'danger',
  action,
  children,
  testId,
}: {
  label: string;
  title: string;
  description?: ReactNode;
  confirmLabel?: string;
  variant?: 'danger' | 'primary' | 'secondary';
  action: (form: FormData) => Promise<ReasonConfirmResult>;
  children?: ReactNode;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<ReasonConfirmResult & { ok: false }>();
  const [pending, startTransition] = useTransition();

  function close() {
    setError(undefined);
    dialog.current?.close();
  }

  function submit(form: FormData) {
    startTransition(async () => {
      const result = await action(form);
      if (result.ok) {
        close();
        router.refresh();
      } else {
        setError(result);
      }
    });
  }

  return (
    <>
      <Button
        type="button"
        variant={variant}
        data-testid={testId}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        data-testid={testId ? `${testId}-dialog` : undefined}
        className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-2xl bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
        onClose={() => setError(undefined)}
      >
        <form action={submit} className="space-y-4 p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <div className="text-sm text-slate-600">{description}</div> : null}
          {children}
          <Textarea
            id={`${id}-reason`}
            name="reason"
            label="Reason"
            hint="Recorded in the audit log with your name."
            required
            minLength={MIN_REASON_LENGTH}
            maxLength={2000}
            rows={3}
            error={error?.error.fieldErrors?.reason?.[0]}
          />
          {error && !error.error.fieldErrors?.reason ? (
            <Alert tone="error">{error.error.message}</Alert>
          ) : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button type="button" variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={variant}
              loading={pending}
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
