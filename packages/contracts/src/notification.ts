import { z } from 'zod';
import { pageInputSchema } from './pagination';
import { idSchema } from './primitives/ids';

/**
 * What a notification is about; people choose per category and channel what reaches them.
 * `money` and `security` always reach the inbox's email channel: they cannot be turned off there.
 */
export const notificationCategories = [
  'campaign_review',
  'campaign_status',
  'matched_campaigns',
  'applications',
  'participation',
  'money',
  'verification',
  'moderation',
  'security',
] as const;
export type NotificationCategory = (typeof notificationCategories)[number];
export const notificationCategorySchema = z.enum(notificationCategories, { error: 'Choose a notification category' });

export const notificationCategoryLabels: Record<NotificationCategory, string> = {
  campaign_review: 'Campaign review',
  campaign_status: 'Campaign status',
  matched_campaigns: 'Matching campaigns',
  applications: 'Applications',
  participation: 'Participation',
  money: 'Money',
  verification: 'Verification',
  moderation: 'Moderation',
  security: 'Security',
};

export const notificationChannels = ['in_app', 'email'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export const notificationChannelSchema = z.enum(notificationChannels, { error: 'Choose in-app or email' });

/** Categories whose email cannot be turned off: people must hear about their money and their account's security. */
export const requiredEmailCategories: readonly NotificationCategory[] = ['money', 'security'];

export const isPreferenceLocked = (category: NotificationCategory, channel: NotificationChannel) =>
  channel === 'email' && requiredEmailCategories.includes(category);

/**
 * Categories whose email is off until the person turns it on: frequent notices (every launch that
 * matches a streamer) that the portal's inbox already shows.
 */
export const emailOffByDefaultCategories: readonly NotificationCategory[] = ['matched_campaigns'];

/** Whether a category's channel reaches a person who never chose (no preference stored). */
export const isChannelOnByDefault = (category: NotificationCategory, channel: NotificationChannel) =>
  isPreferenceLocked(category, channel) || !(channel === 'email' && emailOffByDefaultCategories.includes(category));

/** Inbox filters: `unread` and `read` leave archived notifications out; `archived` shows only those. */
export const inboxFilters = ['all', 'unread', 'read', 'archived'] as const;
export const inboxFilterSchema = z.enum(inboxFilters, { error: 'Choose all, unread, read or archived' });

export const listInboxInputSchema = pageInputSchema.extend({
  filter: inboxFilterSchema.default('all'),
});

export const notificationIdInputSchema = z.object({ notificationId: idSchema('notification') });

export const setNotificationPreferenceInputSchema = z.object({
  category: notificationCategorySchema,
  channel: notificationChannelSchema,
  enabled: z.boolean(),
});

export const notificationViewSchema = z.object({
  notificationId: z.uuid(),
  category: notificationCategorySchema,
  title: z.string(),
  body: z.string(),
  /** A path on the recipient's own portal, or null. */
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
  archivedAt: z.date().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationPreferenceViewSchema = z.object({
  category: notificationCategorySchema,
  channel: notificationChannelSchema,
  enabled: z.boolean(),
  /** Cannot be turned off (email of money and security). */
  locked: z.boolean(),
});
export type NotificationPreferenceView = z.infer<typeof notificationPreferenceViewSchema>;

/** `identity.internal.emailRecipients`: where the notification service mails a person, and their portal (by role). */
export const emailRecipientSchema = z.object({
  userId: z.uuid(),
  email: z.email(),
  role: z.enum(['brand', 'streamer', 'admin']),
});
export type EmailRecipient = z.infer<typeof emailRecipientSchema>;

/** `identity.internal.mailLink`: the single-use link one account mail carries (never stored by the sender). */
export const mailLinkInputSchema = z.object({ linkId: idSchema('link') });
export const mailLinkSchema = z.object({
  purpose: z.enum(['email_verification', 'password_reset']),
  email: z.email(),
  link: z.url(),
  expiresAt: z.date(),
});
export type MailLink = z.infer<typeof mailLinkSchema>;
