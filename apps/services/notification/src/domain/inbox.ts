import type { NotificationCategory, NotificationView, Page } from '@gametriggers/contracts';
import { newestFirstCursor } from '@gametriggers/contracts';
import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { Notification, Prisma } from '../generated/prisma/client';
import type { NotificationDeps } from './deps';

const newestFirst = newestFirstCursor('notifications.newest');

export type InboxFilter = 'all' | 'unread' | 'read' | 'archived';

export function notificationView(row: Notification): NotificationView {
  return {
    notificationId: row.id,
    category: row.category as NotificationCategory,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
    archivedAt: row.archivedAt,
  };
}

/** The caller's own inbox: only notifications delivered in-app, only their own. */
const inboxOf = (caller: UserCaller) => ({ userId: caller.userId, inApp: true });

const byFilter: Record<InboxFilter, Prisma.NotificationWhereInput> = {
  all: { archivedAt: null },
  unread: { archivedAt: null, readAt: null },
  read: { archivedAt: null, readAt: { not: null } },
  archived: { archivedAt: { not: null } },
};

/** The caller's notifications, newest first; archived ones only under `archived`. */
export async function listInbox(
  deps: NotificationDeps,
  caller: UserCaller,
  query: { filter: InboxFilter; cursor?: string | undefined; limit: number },
): Promise<Page<NotificationView>> {
  const where: Prisma.NotificationWhereInput = {
    ...inboxOf(caller),
    ...byFilter[query.filter],
    ...newestFirst.rowsAfter(query.cursor),
  };
  const rows = await deps.db.notification.findMany({ where, orderBy: newestFirst.orderBy(), take: query.limit + 1 });
  return newestFirst.pageOf(rows, query.limit, notificationView);
}

/** Unread and not archived: what the bell shows. */
export async function countUnread(deps: Pick<NotificationDeps, 'db'>, userId: string): Promise<number> {
  return deps.db.notification.count({ where: { userId, inApp: true, ...byFilter.unread } });
}

/** One of the caller's notifications; anyone else's (or a made-up id) is not found, alike. */
async function ownNotification(deps: NotificationDeps, caller: UserCaller, notificationId: string): Promise<Notification> {
  const row = await deps.db.notification.findFirst({ where: { id: notificationId, ...inboxOf(caller) } });
  if (!row) throw new DomainError('not_found', 'notification_not_found', 'This notification does not exist.');
  return row;
}

/** Marks one notification read (reading it again keeps the first time). */
export async function markRead(deps: NotificationDeps, caller: UserCaller, notificationId: string): Promise<NotificationView> {
  const row = await ownNotification(deps, caller, notificationId);
  if (row.readAt) return notificationView(row);
  return notificationView(await deps.db.notification.update({ where: { id: row.id }, data: { readAt: deps.now() } }));
}

/** Marks every unread, unarchived notification of the caller read; answers how many. */
export async function markAllRead(deps: NotificationDeps, caller: UserCaller): Promise<{ marked: number }> {
  const { count } = await deps.db.notification.updateMany({
    where: { ...inboxOf(caller), ...byFilter.unread },
    data: { readAt: deps.now() },
  });
  return { marked: count };
}

/** Archives one notification (it leaves the inbox and the unread count; archived counts as read). */
export async function archive(deps: NotificationDeps, caller: UserCaller, notificationId: string): Promise<NotificationView> {
  const row = await ownNotification(deps, caller, notificationId);
  if (row.archivedAt) return notificationView(row);
  const now = deps.now();
  return notificationView(
    await deps.db.notification.update({ where: { id: row.id }, data: { archivedAt: now, readAt: row.readAt ?? now } }),
  );
}
