'use client';

import type { SecondStep } from '@gametriggers/auth/react';
import { Alert, Button, Field } from '@gametriggers/ui';
import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { formText, problemOf, publicApi } from './public-api';

/** The challenge plus a code (none after enrolment) through next-auth; its error text or nothing. */
async function completeSignIn(challengeToken: string, code?: string): Promise<string | undefined> {
  const result = await signIn('credentials', { challengeToken, code: code ?? '', redirect: false });
  if (result?.ok) return undefined;
  return result?.error && result.error !== 'CredentialsSignin'
    ? result.error
    : 'That code did not work. Try the newest one.';
}

/** An enrolled admin's second step: the authenticator's code or a recovery code. */
function SecondFactorForm({
  challengeToken,
  onSignedIn,
}: {
  challengeToken: string;
  onSignedIn: () => Promise<void>;
}) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const failed = await completeSignIn(
      challengeToken,
      formText(new FormData(event.currentTarget), 'code'),
    );
    if (failed) {
      setPending(false);
      setError(failed);
      return;
    }
    await onSignedIn();
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="second-factor-form"
    >
      {error ? <Alert>{error}</Alert> : null}
      <Field
        id="code"
        name="code"
        label="Authenticator code"
        inputMode="text"
        autoComplete="one-time-code"
        autoFocus
        hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        data-testid="second-factor-code"
      />
      <Button type="submit" className="w-full" loading={pending}>
        Verify and sign in
      </Button>
    </form>
  );
}

type Enrolment = { secret: string; qrCodeSvg: string };

/** A new admin's first sign-in: scan the QR code, confirm a code, keep the recovery codes. */
function AuthenticatorEnrolment({
  gatewayUrl,
  challengeToken,
  onSignedIn,
}: {
  gatewayUrl: string;
  challengeToken: string;
  onSignedIn: () => Promise<void>;
}) {
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    publicApi(gatewayUrl)
      .identity.twoFactor.startEnrolment.mutate({ challengeToken })
      .then(setEnrolment, (caught: unknown) => setError(problemOf(caught).message));
  }, [gatewayUrl, challengeToken]);

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const code = formText(new FormData(event.currentTarget), 'code');
      const confirmed = await publicApi(gatewayUrl).identity.twoFactor.confirmEnrolment.mutate({
        challengeToken,
        code,
      });
      setRecoveryCodes(confirmed.recoveryCodes);
    } catch (caught) {
      setError(problemOf(caught).message);
    }
    setPending(false);
  }

  async function finish() {
    setPending(true);
    const failed = await completeSignIn(challengeToken);
    if (failed) {
      setPending(false);
      setError(failed);
      return;
    }
    await onSignedIn();
  }

  if (recoveryCodes) {
    return (
      <div className="space-y-4" data-testid="recovery-codes-panel">
        <Alert tone="success" title="Your authenticator is set up">
          Save these recovery codes somewhere safe. Each one signs you in once if you lose your
          phone. They are shown only now.
        </Alert>
        {error ? <Alert>{error}</Alert> : null}
        <ol
          className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm"
          data-testid="recovery-codes"
        >
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <Button type="button" className="w-full" loading={pending} onClick={() => void finish()}>
          I saved them, continue
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-4" data-testid="totp-enrolment">
      <p className="text-sm text-slate-600">
        Admins sign in with a second factor. Scan this code with an authenticator app (1Password,
        Google Authenticator, Authy…), then enter the 6-digit code it shows.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      {enrolment ? (
        <>
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrCodeSvg)}`}
            alt="QR code to add Gametriggers to your authenticator app"
            className="mx-auto h-48 w-48"
            data-testid="totp-qr"
          />
          <p className="text-center text-xs text-slate-500">
            Cannot scan? Enter this key:{' '}
            <code className="break-all font-mono text-slate-800" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <form className="space-y-4" onSubmit={(event) => void confirm(event)} noValidate>
            <Field
              id="code"
              name="code"
              label="Code from your app"
              inputMode="numeric"
              autoComplete="one-time-code"
              data-testid="enrolment-code"
            />
            <Button type="submit" className="w-full" loading={pending}>
              Turn on two-factor sign-in
            </Button>
          </form>
        </>
      ) : null}
    </div>
  );
}

export function AdminSecondStep({
  step,
  gatewayUrl,
  onSignedIn,
}: {
  step: SecondStep;
  gatewayUrl: string;
  onSignedIn: () => Promise<void>;
}) {
  return step.kind === 'enrol' ? (
    <AuthenticatorEnrolment
      gatewayUrl={gatewayUrl}
      challengeToken={step.challengeToken}
      onSignedIn={onSignedIn}
    />
  ) : (
    <SecondFactorForm challengeToken={step.challengeToken} onSignedIn={onSignedIn} />
  );
}
