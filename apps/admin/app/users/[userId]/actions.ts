'use server';

import { portal } from '../../../portal';

const reasonOf = (form: FormData) => {
  const reason = form.get('reason');
  return typeof reason === 'string' ? reason : '';
};

export async function suspendUser(userId: string, form: FormData) {
  return portal.act((api) => api.identity.users.suspend.mutate({ userId, reason: reasonOf(form) }));
}

export async function reactivateUser(userId: string, form: FormData) {
  return portal.act((api) =>
    api.identity.users.reactivate.mutate({ userId, reason: reasonOf(form) }),
  );
}

export async function resetTwoFactor(userId: string, form: FormData) {
  return portal.act((api) =>
    api.identity.admin.resetTwoFactor.mutate({ userId, reason: reasonOf(form) }),
  );
}
