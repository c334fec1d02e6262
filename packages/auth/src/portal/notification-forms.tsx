'use client';

import type { NotificationCategory, NotificationChannel, NotificationPreferenceView, NotificationView } from '@gametriggers/contracts';
import { Alert, Button, cn, focusRing } from '@gametriggers/ui';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from './action-result';
import type { PreferenceRow, UnsubscribeOffer } from './notification-preferences';

/** One notification's buttons on the inbox page: open (marking it read), mark read, archive. */
export function InboxItemActions({
  notification,
  markRead,
  archive,
}: {
  notification: Pick<NotificationView, 'notificationId' | 'link' | 'readAt' | 'archivedAt'>;
  markRead: (notificationId: string) => Promise<ActionResult<NotificationView>>;
  archive: (notificationId: string) => Promise<ActionResult<NotificationView>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<ActionResult<NotificationView>>, then: () => void) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) then();
      else setError(result.error.message);
    });
  const { notificationId, link, readAt, archivedAt } = notification;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {link ? (
        <a
          href={link}
          data-testid="inbox-open"
          onClick={(event) => {
            if (readAt) return;
            event.preventDefault();
            // Opening it reads it; the page it links to loads either way.
            run(() => markRead(notificationId), () => window.location.assign(link));
          }}
          className={cn('rounded-lg px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50', focusRing)}
        >
          Open
        </a>
      ) : null}
      {readAt ? null : (
        <Button variant="secondary" className="px-3 py-1.5" disabled={pending} data-testid="inbox-mark-read" onClick={() => run(() => markRead(notificationId), () => router.refresh())}>
          Mark read
        </Button>
      )}
      {archivedAt ? null : (
        <Button variant="secondary" className="px-3 py-1.5" disabled={pending} data-testid="inbox-archive" onClick={() => run(() => archive(notificationId), () => router.refresh())}>
          Archive
        </Button>
      )}
      {error ? <p className="w-full text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

export function MarkAllReadButton({ markAllRead }: { markAllRead: () => Promise<ActionResult<{ marked: number }>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      <Button
        variant="secondary"
        loading={pending}
        data-testid="inbox-mark-all-read"
        onClick={() =>
          startTransition(async () => {
            const result = await markAllRead();
            if (result.ok) router.refresh();
            else setError(result.error.message);
          })
        }
      >
        Mark all read
      </Button>
    </div>
  );
}

type SetPreference = (change: {
  category: NotificationCategory;
  channel: NotificationChannel;
  enabled: boolean;
}) => Promise<ActionResult<NotificationPreferenceView[]>>;

const channelLabels: Record<NotificationChannel, string> = { in_app: 'In the portal', email: 'Email' };

/**
 * Category × channel switches, each saved as it is flipped. Money and security email are shown on
 * and locked, with why. An email's unsubscribe link (`?unsubscribe=`) adds a one-click offer above.
 */
export function NotificationPreferencesForm({
  rows: initialRows,
  offer,
  setPreference,
}: {
  rows: PreferenceRow[];
  offer: UnsubscribeOffer;
  setPreference: SetPreference;
}) {
  const [rows, setRows] = useState(initialRows);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const save = (category: NotificationCategory, channel: NotificationChannel, enabled: boolean, done?: string) =>
    startTransition(async () => {
      const result = await setPreference({ category, channel, enabled });
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.error.message });
        return;
      }
      setRows((current) =>
        current.map((row) => {
          const saved = (wanted: NotificationChannel) =>
            result.data.find((p) => p.category === row.category && p.channel === wanted);
          const inApp = saved('in_app');
          const email = saved('email');
          return {
            ...row,
            channels: {
              in_app: inApp ? { enabled: inApp.enabled, locked: inApp.locked } : row.channels.in_app,
              email: email ? { enabled: email.enabled, locked: email.locked } : row.channels.email,
            },
          };
        }),
      );
      setMessage({ tone: 'success', text: done ?? 'Saved.' });
    });

  const offered = offer.kind === 'offer' ? rows.find((row) => row.category === offer.category) : undefined;
  return (
    <div className="grid gap-6">
      {offer.kind === 'offer' && offered?.channels.email.enabled ? (
        <div data-testid="unsubscribe-offer">
          <Alert tone="info" title={`Stop emails about ${offer.label.toLowerCase()}?`}>
            <p>You followed an unsubscribe link. You will still see these notices in the portal.</p>
            <Button
              className="mt-3"
              loading={pending}
              onClick={() => save(offer.category, 'email', false, `Emails about ${offer.label.toLowerCase()} are off.`)}
            >
              Turn off {offer.label.toLowerCase()} email
            </Button>
          </Alert>
        </div>
      ) : null}
      {offer.kind === 'already_off' ? (
        <Alert tone="success">Emails about {offer.label.toLowerCase()} are already off.</Alert>
      ) : null}
      {offer.kind === 'locked' ? (
        <Alert tone="warning" title={`Emails about ${offer.label.toLowerCase()} cannot be turned off`}>
          {offer.reason}
        </Alert>
      ) : null}
      {message ? (
        <div data-testid="preferences-message">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      ) : null}
      <table className="w-full text-left text-sm" data-testid="notification-preferences">
        <thead>
          <tr className="border-b border-slate-200 text-slate-500">
            <th scope="col" className="py-2 pr-4 font-medium">
              Category
            </th>
            {(['in_app', 'email'] as const).map((channel) => (
              <th key={channel} scope="col" className="px-4 py-2 text-center font-medium">
                {channelLabels[channel]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.category} data-testid={`preference-${row.category}`}>
              <th scope="row" className="py-3 pr-4 align-top font-medium text-slate-900">
                {row.label}
                {row.lockedReason ? <p className="mt-1 max-w-sm text-xs font-normal text-slate-500">{row.lockedReason}</p> : null}
              </th>
              {(['in_app', 'email'] as const).map((channel) => {
                const cell = row.channels[channel];
                const label = `${row.label}: ${channelLabels[channel].toLowerCase()}`;
                return (
                  <td key={channel} className="px-4 py-3 text-center align-top">
                    <input
                      type="checkbox"
                      role="switch"
                      aria-label={cell.locked ? `${label} (always on)` : label}
                      data-testid={`preference-${row.category}-${channel}`}
                      className="size-4 accent-brand-600 disabled:opacity-60"
                      checked={cell.enabled}
                      disabled={cell.locked || pending}
                      onChange={(event) => save(row.category, channel, event.target.checked)}
                    />
                    {cell.locked ? <span className="sr-only"> Locked</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
