'use client';

import {
  EMAIL_NOT_VERIFIED_MESSAGE,
  SIGNUP_ROLE_COOKIE,
  portalDestination,
  secondStepOf,
} from '@gametriggers/auth/react';
import type { SecondStep } from '@gametriggers/auth/react';
import { Alert, Button, Field } from '@gametriggers/ui';
import { getSession, signIn } from 'next-auth/react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SiteSettings } from '../site';
import { AdminSecondStep } from './admin-second-step';
import { formText } from './public-api';
import { publicApi } from './public-api';

/** Offered when identity refuses an unconfirmed address: a new link, to the address typed in. */
function ResendVerification({ gatewayUrl, email }: { gatewayUrl: string; email: string }) {
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  if (state === 'sent')
    return <p className="mt-2 font-medium">A new link is on its way to {email}.</p>;
  return (
    <button
      type="button"
      className="mt-2 font-semibold underline disabled:opacity-60"
      disabled={state === 'sending' || !email}
      onClick={() => {
        setState('sending');
        publicApi(gatewayUrl)
          .identity.resendVerification.mutate({ email })
          .then(
            () => setState('sent'),
            () => setState('failed'),
          );
      }}
    >
      {state === 'failed' ? 'That did not work. Try again' : 'Send me a new confirmation link'}
    </button>
  );
}

export function OAuthButtons({
  settings,
  role,
  callbackUrl,
}: {
  settings: SiteSettings;
  role?: 'brand' | 'streamer';
  /** The portal page to come back to (the portal sent the person here from it). */
  callbackUrl?: string;
}) {
  const start = (provider: 'twitch' | 'google') => {
    if (role) document.cookie = `${SIGNUP_ROLE_COOKIE}=${role}; path=/; max-age=600; samesite=lax`;
    const next = new URL('/continue', window.location.origin);
    if (callbackUrl) next.searchParams.set('callbackUrl', callbackUrl);
    void signIn(provider, { callbackUrl: next.href });
  };
  if (!settings.providers.twitch && !settings.providers.google) return null;
  return (
    <div className="space-y-3">
      {settings.providers.twitch ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => start('twitch')}
        >
          <span aria-hidden className="text-[#9146ff]">
            ◆
          </span>{' '}
          Continue with Twitch
        </Button>
      ) : null}
      {settings.providers.google ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => start('google')}
        >
          <span aria-hidden className="text-[#4285f4]">
            G
          </span>{' '}
          Continue with Google
        </Button>
      ) : null}
      <div className="flex items-center gap-3 text-xs text-slate-400">
        <span className="h-px flex-1 bg-slate-200" /> or{' '}
        <span className="h-px flex-1 bg-slate-200" />
      </div>
    </div>
  );
}

export function SignInForm({
  settings,
  initialEmail,
  initialError,
  callbackUrl,
}: {
  settings: SiteSettings;
  initialEmail?: string;
  initialError?: string;
  /** The portal page that sent the person to sign in: they come back to it. */
  callbackUrl?: string;
}) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState(initialEmail ?? '');
  const [secondStep, setSecondStep] = useState<SecondStep>();

  async function goToPortal() {
    const session = (await getSession()) as {
      user?: { role?: 'brand' | 'streamer' | 'admin' };
    } | null;
    const role = session?.user?.role;
    window.location.assign(role ? portalDestination(settings.portals, role, callbackUrl) : '/');
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', {
      email: formText(form, 'email'),
      password: formText(form, 'password'),
      redirect: false,
    });
    const step = secondStepOf(result?.error);
    if (step) {
      setPending(false);
      setSecondStep(step);
      return;
    }
    if (!result?.ok) {
      setPending(false);
      setError(
        result?.error && result.error !== 'CredentialsSignin'
          ? result.error
          : 'Email or password is incorrect.',
      );
      return;
    }
    await goToPortal();
  }

  if (secondStep) {
    return (
      <AdminSecondStep step={secondStep} gatewayUrl={settings.gatewayUrl} onSignedIn={goToPortal} />
    );
  }

  return (
    <div className="space-y-6">
      <OAuthButtons settings={settings} callbackUrl={callbackUrl} />
      <form className="space-y-4" onSubmit={(event) => void submit(event)} noValidate>
        {error ? (
          <Alert>
            {error}
            {error === EMAIL_NOT_VERIFIED_MESSAGE ? (
              <ResendVerification gatewayUrl={settings.gatewayUrl} email={email} />
            ) : null}
          </Alert>
        ) : null}
        <Field
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
        />
        <Field
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
        />
        <div className="flex justify-end text-sm">
          <a className="font-medium text-brand-700 hover:underline" href="/forgot-password">
            Forgot your password?
          </a>
        </div>
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>
    </div>
  );
}
