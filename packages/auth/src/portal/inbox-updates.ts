import type { NotificationView } from '@gametriggers/contracts';
import { notificationCategorySchema } from '@gametriggers/contracts';
import type { NotificationCreated } from '@gametriggers/realtime';
import type { InboxTab } from './notification-preferences';

/** Where a new notification shows at once: the first page of Unread or All (never Archived, nor an older page). */
export const takesLiveNotifications = (tab: InboxTab, firstPage: boolean): boolean => firstPage && tab !== 'archived';

/** A pushed notification as the inbox lists it (new: unread, not archived); null for a category this page does not know. */
export function inboxItemOfPush(notice: NotificationCreated): NotificationView | null {
  const category = notificationCategorySchema.safeParse(notice.category);
  if (!category.success) return null;
  return {
    notificationId: notice.notificationId,
    category: category.data,
    title: notice.title,
    body: notice.body,
    link: notice.link,
    createdAt: new Date(notice.createdAt),
    readAt: null,
    archivedAt: null,
  };
}

const newestFirst = (a: NotificationView, b: NotificationView) =>
  b.createdAt.getTime() - a.createdAt.getTime() || b.notificationId.localeCompare(a.notificationId);

/**
 * The list the inbox shows: notifications pushed since the page was rendered, newest first, above
 * the page's own; each once (a push can arrive twice, or after the page already has it).
 */
export function inboxWithLive(page: readonly NotificationView[], live: readonly NotificationView[]): NotificationView[] {
  const shown = new Set(page.map((item) => item.notificationId));
  const fresh: NotificationView[] = [];
  for (const item of live) {
    if (shown.has(item.notificationId)) continue;
    shown.add(item.notificationId);
    fresh.push(item);
  }
  return [...fresh.sort(newestFirst), ...page];
}
