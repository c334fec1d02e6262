import type { NotificationCategory } from '@gametriggers/contracts';
import { isChannelOnByDefault, isPreferenceLocked } from '@gametriggers/contracts';
import type { EventType } from '@gametriggers/events';
import type { NotificationDb, NotificationTx } from '../database';
import type { NoticeText } from '../events/notification-rules';
import type { StoredNotification } from '../events/notify-on-event';
import type { Prisma } from '../generated/prisma/client';
import type { Audience } from './fan-out-rules';

export interface FanOutKey {
  eventId: string;
  category: NotificationCategory;
}

/** Inside the event's own transaction: the fan-out to run once it commits (at most one per event and category). */
export async function recordFanOut(
  tx: NotificationTx,
  fanOut: FanOutKey & { eventType: EventType; audience: Audience; payload: unknown; now: Date },
): Promise<void> {
  await tx.fanOut.createMany({
    data: [
      {
        eventId: fanOut.eventId,
        category: fanOut.category,
        eventType: fanOut.eventType,
        audience: fanOut.audience,
        payload: fanOut.payload as Prisma.InputJsonValue,
        pendingPush: [],
        createdAt: fanOut.now,
        updatedAt: fanOut.now,
      },
    ],
    skipDuplicates: true,
  });
}

/** What one page stored: the in-app notifications to push, and the email deliveries to queue. */
export interface StoredPage {
  stored: number;
  inAppIds: string[];
  emailDeliveryIds: string[];
}

/** A timestamp column holds UTC (as Prisma writes it): the instant as UTC text, cast back. */
const utcInstant = (date: Date) => date.toISOString();

/**
 * One page of an audience, stored in two statements whatever its size: the notifications (each
 * recipient's preferences for the category joined in: in-app off keeps the row only for an email,
 * neither → no row; `ON CONFLICT` on (event, recipient, category) so a page stored twice tells
 * nobody twice), then the email deliveries of those whose email is on and whose address is known.
 */
export async function storeAudiencePage(
  tx: NotificationTx,
  page: {
    key: FanOutKey;
    eventType: string;
    text: NoticeText;
    userIds: readonly string[];
    now: Date;
    /** Whether email is configured at all. */
    emailEnabled: boolean;
  },
): Promise<StoredPage> {
  if (page.userIds.length === 0) return { stored: 0, inAppIds: [], emailDeliveryIds: [] };
  const { category } = page.key;
  const inAppDefault = isChannelOnByDefault(category, 'in_app');
  const emailDefault = isChannelOnByDefault(category, 'email');
  const emailLocked = isPreferenceLocked(category, 'email');
  const now = utcInstant(page.now);
  const inserted = await tx.$queryRaw<Array<{ id: string; inApp: boolean }>>`
    INSERT INTO "notifications" ("id", "userId", "category", "eventId", "eventType", "title", "body", "link", "inApp", "createdAt")
    SELECT gen_random_uuid(), audience."userId", ${category}, ${page.key.eventId}::uuid, ${page.eventType},
           ${page.text.title.slice(0, 200)}, ${page.text.body.slice(0, 1000)}, ${page.text.link},
           COALESCE(in_app."enabled", ${inAppDefault}::boolean), ${now}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(${[...page.userIds]}::uuid[]) AS audience("userId")
    LEFT JOIN "preferences" in_app
      ON in_app."userId" = audience."userId" AND in_app."category" = ${category} AND in_app."channel" = 'in_app'
    LEFT JOIN "preferences" email
      ON email."userId" = audience."userId" AND email."category" = ${category} AND email."channel" = 'email'
    LEFT JOIN "recipients" address ON address."userId" = audience."userId"
    WHERE COALESCE(in_app."enabled", ${inAppDefault}::boolean)
       OR (${page.emailEnabled}::boolean AND address."email" IS NOT NULL AND (${emailLocked}::boolean OR COALESCE(email."enabled", ${emailDefault}::boolean)))
    ON CONFLICT ("eventId", "userId", "category") DO NOTHING
    RETURNING "id"::text AS "id", "inApp"`;
  let emailDeliveryIds: string[] = [];
  if (page.emailEnabled && inserted.length > 0) {
    const deliveries = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "email_deliveries" ("id", "notificationId", "toAddress", "createdAt")
      SELECT gen_random_uuid(), notice."id", address."email", ${now}::timestamptz AT TIME ZONE 'UTC'
      FROM "notifications" notice
      JOIN "recipients" address ON address."userId" = notice."userId"
      LEFT JOIN "preferences" email
        ON email."userId" = notice."userId" AND email."category" = notice."category" AND email."channel" = 'email'
      WHERE notice."id" = ANY(${inserted.map((row) => row.id)}::uuid[])
        AND (${emailLocked}::boolean OR COALESCE(email."enabled", ${emailDefault}::boolean))
      RETURNING "id"::text AS "id"`;
    emailDeliveryIds = deliveries.map((row) => row.id);
  }
  return {
    stored: inserted.length,
    inAppIds: inserted.filter((row) => row.inApp).map((row) => row.id),
    emailDeliveryIds,
  };
}

/** A stored in-app notification as its live push carries it, with its person's unread count now. */
export interface PendingNotice extends Omit<StoredNotification, 'createdAt' | 'inApp' | 'emailDeliveryId'> {
  /** ISO 8601, as the push carries it. */
  createdAt: string;
  unreadCount: number;
}

/** The notifications a page stored, ready to push (one query, each person's unread count beside). */
export async function pendingNotices(db: NotificationDb, notificationIds: readonly string[]): Promise<PendingNotice[]> {
  if (notificationIds.length === 0) return [];
  return db.$queryRaw<PendingNotice[]>`
    SELECT notice."id"::text AS "notificationId", notice."userId"::text AS "userId", notice."category",
           notice."title", notice."body", notice."link",
           to_char(notice."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
           (SELECT count(*)::int FROM "notifications" unread
             WHERE unread."userId" = notice."userId" AND unread."inApp"
               AND unread."readAt" IS NULL AND unread."archivedAt" IS NULL) AS "unreadCount"
    FROM "notifications" notice
    WHERE notice."id" = ANY(${[...notificationIds]}::uuid[]) AND notice."inApp"
    ORDER BY notice."userId"`;
}
