'use client';

import type { NotificationView } from '@gametriggers/contracts';
import { EmptyState, LocalTime, Tabs } from '@gametriggers/ui';
import { useEffect, useState } from 'react';
import type { ActionResult } from './action-result';
import { inboxItemOfPush, inboxWithLive, takesLiveNotifications } from './inbox-updates';
import type { InboxTab } from './notification-preferences';
import { InboxItemActions, MarkAllReadButton } from './notification-forms';
import { useNotificationStream } from './notification-stream';

/** The inbox's tabs, the Unread one counting live (the same count as the bell). */
export function LiveInboxTabs({
  current,
  tabs,
  initialUnread,
}: {
  current: InboxTab;
  tabs: ReadonlyArray<{ value: InboxTab; label: string; href: string }>;
  initialUnread: number;
}) {
  const { unread } = useNotificationStream();
  const count = unread ?? initialUnread;
  return (
    <Tabs
      label="Notifications"
      current={current}
      tabs={tabs.map((tab) => ({ ...tab, ...(tab.value === 'unread' ? { count } : {}) }))}
    />
  );
}

/** "Mark all read", while anything is unread (a notice arriving makes it appear). */
export function LiveMarkAllRead({
  initialUnread,
  markAllRead,
}: {
  initialUnread: number;
  markAllRead: () => Promise<ActionResult<{ marked: number }>>;
}) {
  const { unread } = useNotificationStream();
  return (unread ?? initialUnread) > 0 ? <MarkAllReadButton markAllRead={markAllRead} /> : null;
}

/**
 * A page of the inbox; on the first page of Unread and All, a notification pushed to the person
 * appears at the top at once (and is announced), without a reload.
 */
export function LiveInboxList({
  tab,
  firstPage,
  items,
  markRead,
  archive,
}: {
  tab: InboxTab;
  firstPage: boolean;
  items: NotificationView[];
  markRead: (notificationId: string) => Promise<ActionResult<NotificationView>>;
  archive: (notificationId: string) => Promise<ActionResult<NotificationView>>;
}) {
  const { onNotification } = useNotificationStream();
  const [live, setLive] = useState<NotificationView[]>([]);
  const [announcement, setAnnouncement] = useState('');
  // A fresh page from the server (after mark read, archive…) already holds what was pushed before it.
  useEffect(() => setLive([]), [items]);
  useEffect(() => {
    if (!takesLiveNotifications(tab, firstPage)) return;
    return onNotification((notice) => {
      const item = inboxItemOfPush(notice);
      if (!item) return;
      setLive((current) => [item, ...current]);
      setAnnouncement(`New notification: ${item.title}`);
    });
  }, [tab, firstPage, onNotification]);

  const shown = inboxWithLive(items, live);
  return (
    <>
      <span className="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>
      {shown.length === 0 ? (
        <EmptyState title={tab === 'unread' ? 'You are all caught up' : 'No notifications here'}>
          {tab === 'archived'
            ? 'Notifications you archive are kept here.'
            : 'We will tell you here when something happens on your account.'}
        </EmptyState>
      ) : (
        <ul className="grid gap-3" data-testid="inbox-list">
          {shown.map((item) => (
            <li
              key={item.notificationId}
              data-testid="inbox-item"
              data-read={item.readAt ? 'true' : 'false'}
              className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
            >
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className={item.readAt ? 'text-slate-800' : 'font-semibold text-slate-900'}>
                    {item.readAt ? null : <span aria-hidden className="mr-2 inline-block size-2 rounded-full bg-brand-600" />}
                    {item.title}
                    {item.readAt ? null : <span className="sr-only"> (unread)</span>}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">{item.body}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    <LocalTime date={item.createdAt} />
                  </p>
                </div>
                <InboxItemActions notification={item} markRead={markRead} archive={archive} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
