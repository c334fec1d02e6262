'use client';

import type { ActionResult } from '@gametriggers/auth/portal';
import { Alert, Button, Field } from '@gametriggers/ui';
import { useState, useTransition } from 'react';
import type { RoleFlags } from './admin-access-fields';
import { AdminAccessFields } from './admin-access-fields';

type Created = { email: string; adminRole: string };

/**
 * A new admin with the password the creator chooses: the creator passes the email and password on
 * privately, and the new admin sets up an authenticator at their first sign-in.
 */
export function CreateAdminForm({
  flagsByRole,
  create,
}: {
  flagsByRole: RoleFlags;
  create: (form: FormData) => Promise<ActionResult<Created>>;
}) {
  const [result, setResult] = useState<ActionResult<Created>>();
  const [pending, startTransition] = useTransition();
  const fieldErrors = result?.ok === false ? result.error.fieldErrors : undefined;
  const error = (name: string) => fieldErrors?.[name]?.[0];

  function submit(form: FormData) {
    startTransition(async () => setResult(await create(form)));
  }

  return (
    <form action={submit} className="space-y-4" data-testid="create-admin-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="admin-email"
          name="email"
          type="email"
          label="Email"
          required
          error={error('email')}
        />
        <Field
          id="admin-username"
          name="username"
          label="Username"
          required
          error={error('username')}
        />
        <Field
          id="admin-first-name"
          name="firstName"
          label="First name"
          required
          error={error('firstName')}
        />
        <Field
          id="admin-last-name"
          name="lastName"
          label="Last name"
          required
          error={error('lastName')}
        />
        <Field
          id="admin-password"
          name="password"
          type="password"
          label="First password"
          autoComplete="new-password"
          required
          hint="Pass it on privately; they set up an authenticator at their first sign-in."
          error={error('password')}
        />
      </div>
      <AdminAccessFields
        flagsByRole={flagsByRole}
        initialRole="support"
        initialPermissions={flagsByRole.support ?? []}
        fieldErrors={fieldErrors}
      />
      {result?.ok ? (
        <Alert tone="success" title="Admin created">
          Give <strong>{result.data.email}</strong> ({result.data.adminRole.replace('_', ' ')})
          their email and the first password you chose. At their first sign-in they must scan a QR
          code with an authenticator app and keep their recovery codes.
        </Alert>
      ) : null}
      {result?.ok === false && !fieldErrors ? (
        <Alert tone="error">{result.error.message}</Alert>
      ) : null}
      <Button type="submit" loading={pending} data-testid="create-admin-submit">
        Create admin
      </Button>
    </form>
  );
}
