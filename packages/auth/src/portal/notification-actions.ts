'use server';

import { notificationIdInputSchema, setNotificationPreferenceInputSchema } from '@gametriggers/contracts';
import type { NotificationPreferenceView, NotificationView } from '@gametriggers/contracts';
import type { UserRole } from '@gametriggers/tokens';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from './action-result';
import { createPortalSession } from './portal-session';

// Each action binds its portal's role; a bound argument comes back from the browser, so it is
// checked. It only picks the portal's sign-in settings: the API acts as the session's person.
const portalRoleSchema = z.enum(['brand', 'streamer', 'admin']);
const portalOf = (role: UserRole) => createPortalSession(portalRoleSchema.parse(role));

/** How many notifications the bell's dropdown shows. */
const BELL_ITEMS = 5;

export interface BellSnapshot {
  unread: number;
  latest: NotificationView[];
}

/** What the bell's dropdown shows: the latest notifications (not archived) and the unread count. */
export async function loadBell(role: UserRole): Promise<ActionResult<BellSnapshot>> {
  return portalOf(role).act(async (api) => {
    const [page, count] = await Promise.all([
      api.notification.inbox.list.query({ filter: 'all', limit: BELL_ITEMS }),
      api.notification.inbox.unreadCount.query(),
    ]);
    return { unread: count.unread, latest: page.items };
  });
}

export async function markAllNotificationsRead(role: UserRole): Promise<ActionResult<{ marked: number }>> {
  const result = await portalOf(role).act((api) => api.notification.inbox.markAllRead.mutate());
  if (result.ok) revalidatePath('/notifications');
  return result;
}

export async function markNotificationRead(role: UserRole, notificationId: string): Promise<ActionResult<NotificationView>> {
  const input = notificationIdInputSchema.parse({ notificationId });
  const result = await portalOf(role).act((api) => api.notification.inbox.markRead.mutate(input));
  if (result.ok) revalidatePath('/notifications');
  return result;
}

export async function archiveNotification(role: UserRole, notificationId: string): Promise<ActionResult<NotificationView>> {
  const input = notificationIdInputSchema.parse({ notificationId });
  const result = await portalOf(role).act((api) => api.notification.inbox.archive.mutate(input));
  if (result.ok) revalidatePath('/notifications');
  return result;
}

/** One category's channel on or off; money and security email come back refused (`preference_required`). */
export async function setNotificationPreference(
  role: UserRole,
  change: z.input<typeof setNotificationPreferenceInputSchema>,
): Promise<ActionResult<NotificationPreferenceView[]>> {
  const input = setNotificationPreferenceInputSchema.parse(change);
  const result = await portalOf(role).act((api) => api.notification.preferences.set.mutate(input));
  if (result.ok) revalidatePath('/settings/notifications');
  return result;
}
