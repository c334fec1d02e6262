'use client';

import { Alert, Button, Field } from '@gametriggers/ui';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { ActionResult } from './action-result';

interface PasswordChanged {
  otherSessionsEnded: number;
  currentSessionKept: boolean;
}

/**
 * False until the page has hydrated: the buttons wait for it, so an early click is never lost nor
 * submitted natively (a native submit would post the passwords to the page itself).
 */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

const sessionsText = (count: number) =>
  count === 1 ? '1 other session' : `${count} other sessions`;

/** Current password, new password and its confirmation; each refusal is shown at its field. */
export function ChangePasswordForm({
  changePassword,
}: {
  changePassword: (form: FormData) => Promise<ActionResult<PasswordChanged>>;
}) {
  const [result, setResult] = useState<ActionResult<PasswordChanged>>();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();

  const error = result?.ok === false ? result.error : undefined;
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  const currentError =
    fieldError('currentPassword') ??
    (error?.reason === 'current_password_incorrect' ? error.message : undefined);
  const newError =
    fieldError('newPassword') ?? (error?.reason === 'password_unchanged' ? error.message : undefined);
  const confirmError = fieldError('confirmPassword');
  // Anything not about one field (a locked account, a change made meanwhile) is shown above.
  const formError = error && !currentError && !newError && !confirmError ? error.message : undefined;

  return (
    <form
      ref={formRef}
      method="post"
      noValidate
      data-testid="change-password-form"
      className="max-w-md space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const outcome = await changePassword(form);
          setResult(outcome);
          if (outcome.ok) formRef.current?.reset();
        });
      }}
    >
      {result?.ok ? (
        <div data-testid="password-changed">
          <Alert tone="success" title="Your password is changed">
            {result.data.currentSessionKept
              ? result.data.otherSessionsEnded > 0
                ? `Use it from now on. We signed you out of ${sessionsText(result.data.otherSessionsEnded)}; this one stays signed in.`
                : 'Use it from now on. You stay signed in here.'
              : 'Use it from now on. Every session was signed out, this one too: sign in again with the new password.'}
          </Alert>
        </div>
      ) : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <Field
        id="current-password"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        error={currentError}
      />
      <Field
        id="new-password"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        minLength={10}
        error={newError}
      />
      <Field
        id="confirm-password"
        name="confirmPassword"
        type="password"
        label="Confirm new password"
        autoComplete="new-password"
        required
        error={confirmError}
      />
      <Button
        type="submit"
        loading={pending}
        disabled={!hydrated || pending}
        data-testid="change-password"
      >
        Change password
      </Button>
    </form>
  );
}

/** Ends every other session after a confirmation; this one stays signed in. */
export function SignOutOtherDevices({
  otherSessions,
  signOutOthers,
}: {
  /** Live sessions other than this one. */
  otherSessions: number;
  signOutOthers: () => Promise<ActionResult<{ sessionsEnded: number }>>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult<{ sessionsEnded: number }>>();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  return (
    <div className="space-y-4">
      {result?.ok ? (
        <div data-testid="other-devices-signed-out">
          <Alert tone="success" title="Signed out of your other devices">
            {result.data.sessionsEnded > 0
              ? `We ended ${sessionsText(result.data.sessionsEnded)}. Each is asked to sign in again at its next page.`
              : 'No other device was signed in. This one stays signed in.'}
          </Alert>
        </div>
      ) : null}
      {result?.ok === false ? <Alert>{result.error.message}</Alert> : null}
      {confirming ? (
        <div
          role="group"
          aria-labelledby="confirm-sign-out-others"
          data-testid="confirm-sign-out-others"
          className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200"
        >
          <p id="confirm-sign-out-others" className="text-sm text-amber-900">
            Sign out every other browser and device signed in to your account? They will need your
            password to come back. This one stays signed in.
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button
              type="button"
              variant="danger"
              loading={pending}
              data-testid="confirm-sign-out-others-button"
              onClick={() =>
                startTransition(async () => {
                  setResult(await signOutOthers());
                  setConfirming(false);
                })
              }
            >
              Yes, sign them out
            </Button>
            <Button
              type="button"
              variant="secondary"
              disabled={pending}
              onClick={() => setConfirming(false)}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button
          type="button"
          variant="secondary"
          disabled={!hydrated}
          data-testid="sign-out-others"
          onClick={() => {
            setResult(undefined);
            setConfirming(true);
          }}
        >
          Sign out of other devices
        </Button>
      )}
      <p className="text-sm text-slate-500" data-testid="other-sessions">
        {otherSessions === 0
          ? 'Only this browser is signed in right now.'
          : `Also signed in: ${sessionsText(otherSessions)} in other browsers or on other devices.`}
      </p>
    </div>
  );
}
