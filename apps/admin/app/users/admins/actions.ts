'use server';

import type { AdminPermission, AdminRole } from '@gametriggers/tokens';
import { portal } from '../../../portal';

const textOf = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** The role and flags as typed in the form; identity's schema validates them and refuses. */
const accessOf = (form: FormData) => ({
  adminRole: textOf(form, 'adminRole') as AdminRole,
  permissions: form
    .getAll('permissions')
    .filter((flag) => typeof flag === 'string') as AdminPermission[],
});

export async function createAdmin(form: FormData) {
  return portal.act((api) =>
    api.identity.admin.create.mutate({
      email: textOf(form, 'email'),
      password: textOf(form, 'password'),
      username: textOf(form, 'username'),
      firstName: textOf(form, 'firstName'),
      lastName: textOf(form, 'lastName'),
      ...accessOf(form),
    }),
  );
}

export async function updateAdmin(userId: string, form: FormData) {
  return portal.act((api) =>
    api.identity.admin.update.mutate({ userId, ...accessOf(form), reason: textOf(form, 'reason') }),
  );
}
