import { randomUUID } from 'node:crypto';
import type { NotificationCategory } from '@gametriggers/contracts';
import type { EventPayload, EventType } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import type { NotificationDb, NotificationTx } from '../database';
import type { DigestRule } from '../events/notification-rules';
import { notificationRules } from '../events/notification-rules';
import type { StoredNotification } from '../events/store-notification';
import { lookupIn, storeNotification } from '../events/store-notification';

export interface DigestItemInput {
  eventId: string;
  eventType: EventType;
  userId: string;
  category: NotificationCategory;
  digestKey: string;
  payload: unknown;
}

/**
 * Adds one event to its recipient's open digest of that key, opening one (due `windowMs` later) if
 * there is none, in the consumer's transaction. The upsert on the one-open-digest-per-key index
 * locks the digest until this commits, so a send in progress either has this item or never sees
 * it: an item arriving while its digest is being sent waits, then opens the next one.
 */
export async function addToDigest(tx: NotificationTx, item: DigestItemInput, options: { now: Date; windowMs: number }) {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `INSERT INTO "digest_batches" ("id", "userId", "category", "eventType", "digestKey", "status", "lastPayload", "openedAt", "dueAt")
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, 'open', $6::jsonb, $7::timestamptz AT TIME ZONE 'UTC', $8::timestamptz AT TIME ZONE 'UTC')
     ON CONFLICT ("userId", "digestKey") WHERE "status" = 'open'
     DO UPDATE SET "lastPayload" = EXCLUDED."lastPayload"
     RETURNING "id"::text AS "id"`,
    randomUUID(),
    item.userId,
    item.category,
    item.eventType,
    item.digestKey.slice(0, 200),
    JSON.stringify(item.payload),
    options.now.toISOString(),
    new Date(options.now.getTime() + options.windowMs).toISOString(),
  );
  const batchId = rows[0]?.id;
  if (!batchId) throw new Error('The digest upsert returned no row');
  await tx.digestItem.createMany({
    data: [{ eventId: item.eventId, userId: item.userId, batchId, addedAt: options.now }],
    skipDuplicates: true,
  });
}

export interface DigestSenderOptions {
  db: NotificationDb;
  now: () => Date;
  emailEnabled: boolean;
  /** After a digest's notification commits: the live push and the email (see app.ts). */
  afterCommit: (stored: StoredNotification[]) => Promise<void>;
  log: Logger;
}

interface DueDigest {
  id: string;
  userId: string;
  category: string;
  eventType: string;
  lastPayload: unknown;
}

/**
 * Sends due digests, each in its own transaction: the digest is locked (`SKIP LOCKED`: another
 * sweep, or an item being added, leaves it to the next round), its items counted, the digest
 * marked sent, and one notification stored whose event id is the digest's id. However often a
 * sweep is retried or runs at once elsewhere, the digest is sent once: its status says so, and the
 * unique notification key refuses a second copy even if the status were lost.
 */
export function createDigestSender(options: DigestSenderOptions) {
  async function sendOne(at: Date): Promise<boolean> {
    const stored: StoredNotification[] = [];
    const sent = await options.db.$transaction(async (tx) => {
      const [due] = await tx.$queryRawUnsafe<DueDigest[]>(
        `SELECT "id"::text AS "id", "userId"::text AS "userId", "category", "eventType", "lastPayload"
         FROM "digest_batches"
         WHERE "status" = 'open' AND "dueAt" <= $1::timestamptz AT TIME ZONE 'UTC'
         ORDER BY "dueAt" LIMIT 1 FOR UPDATE SKIP LOCKED`,
        at.toISOString(),
      );
      if (!due) return false;
      const count = await tx.digestItem.count({ where: { batchId: due.id } });
      await tx.digestBatch.update({ where: { id: due.id }, data: { status: 'sent', sentAt: at } });
      const rule = notificationRules[due.eventType as EventType];
      if (!rule?.digest || count === 0) {
        options.log.error({ digestId: due.id, eventType: due.eventType }, 'a digest without a digest rule or items: closed unsent');
        return true;
      }
      const digest = rule.digest as DigestRule<EventType>;
      const text = await digest.text(due.lastPayload as EventPayload<EventType>, count, lookupIn(tx));
      const notification = await storeNotification(
        tx,
        { userId: due.userId, category: due.category as NotificationCategory, eventId: due.id, eventType: due.eventType, text },
        { now: at, emailEnabled: options.emailEnabled },
      );
      if (notification) stored.push(notification);
      return true;
    });
    if (stored.length > 0) await options.afterCommit(stored);
    return sent;
  }

  return {
    /** Sends every digest due at `at` (default: now); answers how many were closed. */
    async sweep(at: Date = options.now(), limit = 500): Promise<number> {
      let closed = 0;
      while (closed < limit && (await sendOne(at))) closed += 1;
      return closed;
    },
  };
}
export type DigestSender = ReturnType<typeof createDigestSender>;
