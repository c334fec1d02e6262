'use server';

import type { UserRole } from '@gametriggers/tokens';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from './action-result';
import { createPortalSession } from './portal-session';

// The settings page binds its portal's role; a bound argument comes back from the browser, so it
// is checked. It only picks the portal's sign-in settings: the API acts as the session's person.
const portalRoleSchema = z.enum(['brand', 'streamer', 'admin']);

const textOf = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export interface PasswordChanged {
  otherSessionsEnded: number;
  currentSessionKept: boolean;
}

/** The settings page's password form: the current password, the new one typed twice. */
export async function changeOwnPassword(
  role: UserRole,
  form: FormData,
): Promise<ActionResult<PasswordChanged>> {
  const portal = createPortalSession(portalRoleSchema.parse(role));
  const newPassword = textOf(form, 'newPassword');
  if (newPassword !== textOf(form, 'confirmPassword')) {
    return {
      ok: false,
      error: {
        message: 'The new password and its confirmation differ.',
        fieldErrors: { confirmPassword: ['Type the same new password again.'] },
      },
    };
  }
  const result = await portal.act(async (api) => {
    const changed = await api.identity.account.changePassword.mutate({
      currentPassword: textOf(form, 'currentPassword'),
      newPassword,
    });
    return {
      otherSessionsEnded: changed.otherSessionsEnded,
      currentSessionKept: changed.currentSessionKept,
    };
  });
  if (result.ok) revalidatePath('/settings');
  return result;
}

/** Signs the person out of every other browser and device; this one stays signed in. */
export async function signOutOtherDevices(
  role: UserRole,
): Promise<ActionResult<{ sessionsEnded: number }>> {
  const portal = createPortalSession(portalRoleSchema.parse(role));
  const result = await portal.act((api) => api.identity.account.signOutOtherSessions.mutate());
  if (result.ok) revalidatePath('/settings');
  return result;
}
