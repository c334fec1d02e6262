'use client';

import { Alert, Button, Field, cn } from '@gametriggers/ui';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { z } from 'zod';
import type { SiteSettings } from '../site';
import { OAuthButtons } from './sign-in-form';
import { problemOf, publicApi } from './public-api';

// The same rules identity enforces, checked here first so people learn of a mistake at once.
const signUpSchema = z.object({
  role: z.enum(['brand', 'streamer'], { error: 'Choose whether you are a brand or a streamer.' }),
  name: z.string().trim().min(1, 'Tell us your name or company name.').max(120),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' })),
  password: z.string().min(10, 'Use at least 10 characters for your password.').max(200),
});

const roles = [
  { value: 'brand', title: "I'm a brand", text: 'Fund campaigns and reach live audiences.' },
  { value: 'streamer', title: "I'm a streamer", text: 'Run sponsorships on stream and get paid.' },
] as const;

export function SignUpForm({
  settings,
  initialRole,
}: {
  settings: SiteSettings;
  initialRole?: 'brand' | 'streamer';
}) {
  const [role, setRole] = useState<'brand' | 'streamer' | undefined>(initialRole);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse({
      role,
      name: form.get('name'),
      email: form.get('email'),
      password: form.get('password'),
    });
    if (!parsed.success) {
      setFields(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setFields({});
    setError(undefined);
    setPending(true);
    try {
      const created = await publicApi(settings.gatewayUrl).identity.register.mutate(parsed.data);
      setSentTo(created.email);
    } catch (caught) {
      const problem = problemOf(caught);
      setError(problem.message);
      setFields(problem.fields);
    } finally {
      setPending(false);
    }
  }

  if (sentTo) {
    return (
      <div className="space-y-4" data-testid="check-email">
        <Alert tone="success">
          We sent a confirmation link to <strong>{sentTo}</strong>. Open it to finish creating your
          account.
        </Alert>
        <p className="text-sm text-slate-600">
          Nothing arrived after a few minutes? Check your spam folder, or{' '}
          <button
            type="button"
            className="font-medium text-brand-700 hover:underline"
            onClick={() =>
              void publicApi(settings.gatewayUrl).identity.resendVerification.mutate({
                email: sentTo,
              })
            }
          >
            send it again
          </button>
          .
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Account type</legend>
        <div className="grid grid-cols-2 gap-3">
          {roles.map((option) => (
            <label
              key={option.value}
              className={cn(
                'cursor-pointer rounded-xl p-4 ring-1 transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600',
                role === option.value
                  ? 'bg-brand-50 ring-2 ring-brand-600'
                  : 'ring-slate-300 hover:bg-slate-50',
              )}
            >
              <input
                type="radio"
                name="role"
                value={option.value}
                className="sr-only"
                checked={role === option.value}
                onChange={() => setRole(option.value)}
              />
              <span className="block font-semibold">{option.title}</span>
              <span className="mt-1 block text-xs text-slate-600">{option.text}</span>
            </label>
          ))}
        </div>
        {fields.role ? <p className="mt-2 text-sm text-red-600">{fields.role[0]}</p> : null}
      </fieldset>
      {role ? <OAuthButtons settings={settings} role={role} /> : null}
      <form className="space-y-4" onSubmit={(event) => void submit(event)} noValidate>
        {error ? <Alert>{error}</Alert> : null}
        <Field
          id="name"
          name="name"
          label={role === 'brand' ? 'Company name' : 'Your name'}
          autoComplete="name"
          error={fields.name?.[0]}
        />
        <Field
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          error={fields.email?.[0]}
        />
        <Field
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="new-password"
          error={fields.password?.[0]}
          hint="At least 10 characters."
        />
        <Button type="submit" className="w-full" loading={pending}>
          Create account
        </Button>
      </form>
    </div>
  );
}
