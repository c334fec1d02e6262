import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

export const notificationEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4109),
  // Pusher (or the local Pusher-protocol server): each stored notification is pushed to its person's channel.
  PUSHER_APP_ID: z.string().optional(),
  PUSHER_KEY: z.string().optional(),
  PUSHER_SECRET: z.string().optional(),
  PUSHER_CLUSTER: z.string().optional(),
  PUSHER_HOST: z.string().optional(),
  PUSHER_PORT: z.string().optional(),
  PUSHER_USE_TLS: z.enum(['true', 'false']).optional(),
  /** Where email goes: a relay in production, the mail catcher locally. Unset: no email is sent. */
  SMTP_URL: z.url('must be an smtp:// URL, e.g. smtp://127.0.0.1:1025').optional(),
  MAIL_FROM: z.string().default('Gametriggers <notifications@gametriggers.dev>'),
  /** The portals: links in emails, and each email's unsubscribe page, point at the recipient's portal. */
  BRAND_PORTAL_URL: z.url().default('http://localhost:3001'),
  STREAMER_PORTAL_URL: z.url().default('http://localhost:3002'),
  ADMIN_PORTAL_URL: z.url().default('http://localhost:3003'),
  /** Attempts per email before it is dead-lettered (exponential backoff from `EMAIL_RETRY_DELAY_MS`). */
  EMAIL_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  EMAIL_RETRY_DELAY_MS: z.coerce.number().int().min(1).default(30_000),
  /** Identity: each person's current address (cached `RECIPIENT_CACHE_MS`), and the links of its account mails. */
  IDENTITY_SERVICE_URL: z.url().default('http://127.0.0.1:4101'),
  RECIPIENT_CACHE_MS: z.coerce.number().int().min(0).default(5 * 60_000),
  /** Noisy notices (new applicants) are collected this long per person and key, then sent as one digest. */
  DIGEST_WINDOW_MS: z.coerce.number().int().min(1).default(15 * 60_000),
  /** How often due digests are looked for. */
  DIGEST_SWEEP_EVERY_MS: z.coerce.number().int().min(100).default(30_000),
  /** Audiences (a launch's matched streamers, a campaign's participants) are read from the services that know them. */
  CAMPAIGN_SERVICE_URL: z.url().default('http://127.0.0.1:4104'),
  STREAMER_SERVICE_URL: z.url().default('http://127.0.0.1:4103'),
  PARTICIPATION_SERVICE_URL: z.url().default('http://127.0.0.1:4105'),
  /** Recipients of an audience read, stored and pushed per page (the audience services answer at most 1,000). */
  FAN_OUT_PAGE_SIZE: z.coerce.number().int().min(1).max(1_000).default(1_000),
});
export type NotificationEnv = z.infer<typeof notificationEnvSchema>;

export function readNotificationEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('notification', notificationEnvSchema, source);
}
