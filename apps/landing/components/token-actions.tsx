'use client';

import { Alert, Button, Field } from '@gametriggers/ui';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { formText, problemOf, publicApi } from './public-api';

export function VerifyEmail({ gatewayUrl, token }: { gatewayUrl: string; token: string }) {
  const [state, setState] = useState<
    | { status: 'working' }
    | { status: 'done'; email: string }
    | { status: 'failed'; message: string }
  >({
    status: 'working',
  });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    publicApi(gatewayUrl)
      .identity.verifyEmail.mutate({ token })
      .then(
        (result) => setState({ status: 'done', email: result.email }),
        (error: unknown) => setState({ status: 'failed', message: problemOf(error).message }),
      );
  }, [gatewayUrl, token]);

  if (state.status === 'working') return <p className="text-slate-600">Confirming your email…</p>;
  if (state.status === 'failed') return <Alert>{state.message}</Alert>;
  return (
    <div className="space-y-4">
      <Alert tone="success">Your email {state.email} is confirmed.</Alert>
      <a
        href={`/sign-in?email=${encodeURIComponent(state.email)}`}
        className="block rounded-lg bg-brand-600 px-4 py-2.5 text-center text-sm font-semibold text-white hover:bg-brand-700"
      >
        Continue to sign in
      </a>
    </div>
  );
}

export function ForgotPasswordForm({ gatewayUrl }: { gatewayUrl: string }) {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formText(new FormData(event.currentTarget), 'email');
    try {
      await publicApi(gatewayUrl).identity.requestPasswordReset.mutate({ email });
      setSent(true);
    } catch (caught) {
      setError(problemOf(caught).message);
    }
  }
  if (sent)
    return (
      <Alert tone="success">
        If an account uses that address, a link to choose a new password is on its way.
      </Alert>
    );
  return (
    <form className="space-y-4" onSubmit={(event) => void submit(event)} noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" />
      <Button type="submit" className="w-full">
        Send me a link
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ gatewayUrl, token }: { gatewayUrl: string; token: string }) {
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = formText(new FormData(event.currentTarget), 'password');
    try {
      setDone(
        (await publicApi(gatewayUrl).identity.resetPassword.mutate({ token, password })).email,
      );
    } catch (caught) {
      setError(problemOf(caught).message);
    }
  }
  if (done) {
    return (
      <Alert tone="success">
        Your password is changed.{' '}
        <a className="font-semibold underline" href={`/sign-in?email=${encodeURIComponent(done)}`}>
          Sign in
        </a>
      </Alert>
    );
  }
  return (
    <form className="space-y-4" onSubmit={(event) => void submit(event)} noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field
        id="password"
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint="At least 10 characters."
      />
      <Button type="submit" className="w-full">
        Save new password
      </Button>
    </form>
  );
}
