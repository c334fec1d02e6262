import { isChannelOnByDefault, notificationCategories, notificationCategoryLabels, notificationCategorySchema } from '@gametriggers/contracts';
import type { NotificationCategory, NotificationChannel, NotificationPreferenceView } from '@gametriggers/contracts';

export interface PreferenceCell {
  enabled: boolean;
  /** Cannot be turned off; `lockedReason` says why. */
  locked: boolean;
}

export interface PreferenceRow {
  category: NotificationCategory;
  label: string;
  channels: Record<NotificationChannel, PreferenceCell>;
  /** Why this category's email cannot be turned off, when it cannot. */
  lockedReason: string | null;
}

const lockedReasons: Partial<Record<NotificationCategory, string>> = {
  money: 'Emails about your money (payments, payouts, disputes) are always sent, so nothing about it can pass you by.',
  security: 'Emails about your account’s security are always sent, so you hear at once if someone else is using it.',
};

/** The preferences as the settings page shows them: one row per category, in-app and email. */
export function preferenceRows(preferences: readonly NotificationPreferenceView[]): PreferenceRow[] {
  const cellOf = (category: NotificationCategory, channel: NotificationChannel): PreferenceCell => {
    const found = preferences.find((p) => p.category === category && p.channel === channel);
    return { enabled: found?.enabled ?? isChannelOnByDefault(category, channel), locked: found?.locked ?? false };
  };
  return notificationCategories.map((category) => {
    const channels = { in_app: cellOf(category, 'in_app'), email: cellOf(category, 'email') };
    const locked = channels.in_app.locked || channels.email.locked;
    return {
      category,
      label: notificationCategoryLabels[category],
      channels,
      lockedReason: locked ? (lockedReasons[category] ?? 'This one is always sent.') : null,
    };
  });
}

export type UnsubscribeOffer =
  | { kind: 'none' }
  | { kind: 'offer'; category: NotificationCategory; label: string }
  | { kind: 'already_off'; category: NotificationCategory; label: string }
  | { kind: 'locked'; category: NotificationCategory; label: string; reason: string };

/**
 * What the settings page offers for an email's unsubscribe link (`?unsubscribe=<category>`): to turn
 * that category's email off in one click, that it is off already, or why it cannot be.
 */
export function unsubscribeOffer(
  preferences: readonly NotificationPreferenceView[],
  requested: string | undefined,
): UnsubscribeOffer {
  const parsed = notificationCategorySchema.safeParse(requested);
  if (!parsed.success) return { kind: 'none' };
  const row = preferenceRows(preferences).find((r) => r.category === parsed.data);
  if (!row) return { kind: 'none' };
  const base = { category: row.category, label: row.label };
  if (row.channels.email.locked) return { kind: 'locked', ...base, reason: row.lockedReason ?? '' };
  return row.channels.email.enabled ? { kind: 'offer', ...base } : { kind: 'already_off', ...base };
}

/** The inbox page's tabs, and the router's filter each one lists. */
export const inboxTabs = [
  { value: 'unread', label: 'Unread' },
  { value: 'all', label: 'All' },
  { value: 'archived', label: 'Archived' },
] as const;
export type InboxTab = (typeof inboxTabs)[number]['value'];

export const inboxTabOf = (value: string | undefined): InboxTab =>
  inboxTabs.find((tab) => tab.value === value)?.value ?? 'unread';
