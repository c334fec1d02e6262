import { randomUUID } from 'node:crypto';
import type { NotificationCategory } from '@gametriggers/contracts';
import type { NotificationTx } from '../database';
import { channelsFor } from '../domain/preferences';
import type { NoticeText, RecipientLookup } from './notification-rules';

/** A notification just stored, for what happens once its transaction commits (the live push, the email). */
export interface StoredNotification {
  notificationId: string;
  userId: string;
  category: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  inApp: boolean;
  /** The email delivery created with it, if its email channel is on. */
  emailDeliveryId: string | null;
}

export interface NoticeToStore {
  userId: string;
  category: NotificationCategory;
  /** The dedupe key with the user and category: the event's id, or a digest's. */
  eventId: string;
  eventType: string;
  text: NoticeText;
  /** Email only, to this address, with identity's link (an account mail). */
  accountMail?: { to: string; linkId: string } | undefined;
}

/** Local projections a rule may read, inside the transaction. */
export function lookupIn(tx: NotificationTx): RecipientLookup {
  return {
    async campaignBrandId(campaignId) {
      const owner = await tx.campaignOwner.findUnique({ where: { campaignId } });
      return owner?.brandId ?? null;
    },
    async campaignTitle(campaignId) {
      const owner = await tx.campaignOwner.findUnique({ where: { campaignId } });
      return owner?.title ?? null;
    },
  };
}

/**
 * Stores one notice for one person as their preferences allow, once: the unique (event, recipient,
 * category) refuses a second copy, so this returns null when it was stored before (or when every
 * channel is off). An email delivery goes with it when its email channel is on and email is
 * configured; the address is looked up when it is sent (an account mail's is fixed here).
 */
export async function storeNotification(
  tx: NotificationTx,
  notice: NoticeToStore,
  options: { now: Date; emailEnabled: boolean },
): Promise<StoredNotification | null> {
  const channels = await channelsFor(tx, notice.userId, notice.category);
  const inApp = notice.accountMail ? false : channels.in_app;
  const email = options.emailEnabled && channels.email;
  if (!inApp && !email) return null;
  const { text } = notice;
  const notificationId = randomUUID();
  const { count } = await tx.notification.createMany({
    data: [
      {
        id: notificationId,
        userId: notice.userId,
        category: notice.category,
        eventId: notice.eventId,
        eventType: notice.eventType,
        title: text.title.slice(0, 200),
        body: text.body.slice(0, 1000),
        link: text.link,
        inApp,
        createdAt: options.now,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  let emailDeliveryId: string | null = null;
  if (email) {
    emailDeliveryId = randomUUID();
    await tx.emailDelivery.create({
      data: {
        id: emailDeliveryId,
        notificationId,
        toAddress: notice.accountMail?.to ?? null,
        accountLinkId: notice.accountMail?.linkId ?? null,
        createdAt: options.now,
      },
    });
  }
  return {
    notificationId,
    userId: notice.userId,
    category: notice.category,
    title: text.title,
    body: text.body,
    link: text.link,
    createdAt: options.now,
    inApp,
    emailDeliveryId,
  };
}
