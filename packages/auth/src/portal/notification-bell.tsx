'use client';

import type { NotificationView } from '@gametriggers/contracts';
import { cn, focusRing } from '@gametriggers/ui';
import { useCallback, useEffect, useId, useRef, useState, useTransition } from 'react';
import type { ActionResult } from './action-result';
import type { BellSnapshot } from './notification-actions';
import { useNotificationStream } from './notification-stream';
import { relativeTime } from './relative-time';

export const bellLabel = (unread: number | null) =>
  unread === null || unread === 0
    ? 'Notifications'
    : `Notifications, ${unread} unread`;

/**
 * The header's bell: the unread count (server-rendered, then live from `notification.created` on
 * `private-user-<me>`, through the page's `NotificationStreamProvider`), and a dropdown with the
 * latest notifications. Without Pusher it still works; the count then updates when the dropdown is
 * opened or the page reloads.
 */
export function NotificationBell({
  loadBell,
  markAllRead,
  markRead,
}: {
  loadBell: () => Promise<ActionResult<BellSnapshot>>;
  markAllRead: () => Promise<ActionResult<{ marked: number }>>;
  markRead: (notificationId: string) => Promise<ActionResult<NotificationView>>;
}) {
  const { unread, setUnread, onNotification, onSubscribed } = useNotificationStream();
  const [open, setOpen] = useState(false);
  const [latest, setLatest] = useState<NotificationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(() => {
    startTransition(async () => {
      const result = await loadBell();
      if (result.ok) {
        setUnread(result.data.unread);
        setLatest(result.data.latest);
        setError(null);
      } else {
        setError(result.error.message);
      }
    });
  }, [loadBell, setUnread]);

  // A new notification while the dropdown is open is shown in it at once.
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  }, [open]);

  useEffect(
    () =>
      onNotification(() => {
        if (openRef.current) refresh();
        else setLatest(null);
      }),
    [onNotification, refresh],
  );
  // A push missed while (re)connecting is caught up by asking for the count.
  useEffect(() => onSubscribed(refresh), [onSubscribed, refresh]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next) refresh();
  };

  const onMarkAllRead = () => {
    startTransition(async () => {
      const result = await markAllRead();
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setUnread(0);
      const now = new Date();
      setLatest((items) => items?.map((item) => ({ ...item, readAt: item.readAt ?? now })) ?? null);
    });
  };

  const openNotification = (item: NotificationView) => {
    startTransition(async () => {
      if (!item.readAt) await markRead(item.notificationId);
      window.location.assign(item.link ?? '/notifications');
    });
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        data-testid="notification-bell"
        aria-label={bellLabel(unread)}
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        className={cn('relative rounded-lg p-2 text-slate-600 hover:bg-slate-100 hover:text-slate-900', focusRing)}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M14.86 17.08a23.85 23.85 0 0 0 5.45-1.31A8.97 8.97 0 0 1 18 9.75V9A6 6 0 0 0 6 9v.75a8.97 8.97 0 0 1-2.31 6.02c1.73.64 3.56 1.09 5.45 1.31m5.72 0a24.26 24.26 0 0 1-5.72 0m5.72 0a3 3 0 1 1-5.72 0"
          />
        </svg>
        {unread ? (
          <span
            data-testid="notification-count"
            aria-hidden
            className="absolute -top-0.5 -right-0.5 grid min-w-5 place-items-center rounded-full bg-red-600 px-1 text-[11px] leading-5 font-semibold text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {/* Announced once, not on every render: screen readers hear a new notification arrive. */}
      <span className="sr-only" role="status" aria-live="polite">
        {unread ? `${unread} unread notifications` : ''}
      </span>
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label="Latest notifications"
          data-testid="notification-panel"
          className="fixed inset-x-2 top-16 z-30 rounded-xl bg-white shadow-lg ring-1 ring-slate-200 sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-80"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-4 py-3">
            <p className="text-sm font-semibold text-slate-900">Notifications</p>
            <button
              type="button"
              data-testid="notification-mark-all-read"
              onClick={onMarkAllRead}
              disabled={pending || !unread}
              className={cn(
                'rounded text-xs font-medium text-brand-700 hover:underline disabled:cursor-not-allowed disabled:text-slate-400 disabled:no-underline',
                focusRing,
              )}
            >
              Mark all read
            </button>
          </div>
          {error ? <p className="px-4 py-3 text-sm text-red-700">{error}</p> : null}
          {latest === null ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">Loading…</p>
          ) : latest.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">Nothing yet. We’ll tell you here when something happens.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {latest.map((item) => (
                <li key={item.notificationId} data-testid="notification-panel-item">
                  <a
                    href={item.link ?? '/notifications'}
                    onClick={(event) => {
                      event.preventDefault();
                      openNotification(item);
                    }}
                    className={cn('block px-4 py-3 hover:bg-slate-50', focusRing)}
                  >
                    <span className="flex items-start gap-2">
                      <span
                        aria-hidden
                        className={cn('mt-1.5 size-2 shrink-0 rounded-full', item.readAt ? 'bg-transparent' : 'bg-brand-600')}
                      />
                      <span className="min-w-0">
                        <span className={cn('block text-sm', item.readAt ? 'text-slate-700' : 'font-semibold text-slate-900')}>
                          {item.title}
                          {item.readAt ? null : <span className="sr-only"> (unread)</span>}
                        </span>
                        <span className="mt-0.5 line-clamp-2 block text-sm text-slate-600">{item.body}</span>
                        <time dateTime={item.createdAt.toISOString()} className="mt-1 block text-xs text-slate-500">
                          {relativeTime(item.createdAt)}
                        </time>
                      </span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 px-4 py-2 text-right">
            <a href="/notifications" className={cn('rounded text-sm font-medium text-brand-700 hover:underline', focusRing)}>
              See all
            </a>
          </div>
        </div>
      ) : null}
    </div>
  );
}
