import { isPreferenceLocked, notificationCategories, notificationChannels } from '@gametriggers/contracts';
import type { NotificationPreferenceView } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { inboxTabOf, preferenceRows, unsubscribeOffer } from './notification-preferences';
import { relativeTime } from './relative-time';

// What `notification.preferences.get` answers for someone who changed nothing, and one change.
const defaults: NotificationPreferenceView[] = notificationCategories.flatMap((category) =>
  notificationChannels.map((channel) => ({
    category,
    channel,
    enabled: true,
    locked: isPreferenceLocked(category, channel),
  })),
);
const withApplicationsEmailOff = defaults.map((p) =>
  p.category === 'applications' && p.channel === 'email' ? { ...p, enabled: false } : p,
);

describe('the notification preferences page', () => {
  it('shows money and security email locked, with why, and nothing else', () => {
    const rows = preferenceRows(defaults);
    const locked = rows.filter((row) => row.channels.email.locked).map((row) => row.category);
    expect(locked).toEqual(['money', 'security']);
    expect(rows.find((row) => row.category === 'money')?.lockedReason).toMatch(/money/);
    expect(rows.find((row) => row.category === 'security')?.lockedReason).toMatch(/security/);
    expect(rows.filter((row) => row.channels.in_app.locked)).toEqual([]);
    expect(rows.find((row) => row.category === 'applications')?.lockedReason).toBeNull();
  });

  it('offers one-click unsubscribe for an email that is on', () => {
    expect(unsubscribeOffer(defaults, 'applications')).toEqual({
      kind: 'offer',
      category: 'applications',
      label: 'Applications',
    });
    expect(unsubscribeOffer(withApplicationsEmailOff, 'applications').kind).toBe('already_off');
  });

  it('explains instead of offering for money and security, and ignores anything else', () => {
    expect(unsubscribeOffer(defaults, 'money').kind).toBe('locked');
    expect(unsubscribeOffer(defaults, 'security').kind).toBe('locked');
    expect(unsubscribeOffer(defaults, 'everything')).toEqual({ kind: 'none' });
    expect(unsubscribeOffer(defaults, undefined)).toEqual({ kind: 'none' });
  });
});

describe('the inbox', () => {
  it('opens on unread unless another tab is asked for', () => {
    expect(inboxTabOf(undefined)).toBe('unread');
    expect(inboxTabOf('archived')).toBe('archived');
    expect(inboxTabOf('read')).toBe('unread');
  });

  it('says how long ago a notification arrived', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(relativeTime(new Date('2026-12-07T11:59:40Z'), now)).toBe('just now');
    expect(relativeTime(new Date('2026-12-07T11:55:00Z'), now)).toBe('5 minutes ago');
    expect(relativeTime(new Date('2026-12-07T09:00:00Z'), now)).toBe('3 hours ago');
    expect(relativeTime(new Date('2026-12-06T12:00:00Z'), now)).toBe('yesterday');
  });
});
