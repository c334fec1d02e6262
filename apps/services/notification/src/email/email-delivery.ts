import type { NotificationCategory } from '@gametriggers/contracts';
import { isPreferenceLocked } from '@gametriggers/contracts';
import type { EventType } from '@gametriggers/events';
import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import nodemailer from 'nodemailer';
import type { IdentityAccounts } from '../clients/identity-accounts';
import type { NotificationDb } from '../database';
import { notificationRules } from '../events/notification-rules';
import type { AddressBook } from './address-book';
import type { EmailAction } from './notification-email';
import { renderNotificationEmail } from './notification-email';

export const EMAIL_QUEUE = 'notification-email';

export interface EmailDeliveryOptions {
  db: NotificationDb;
  now: () => Date;
  smtpUrl: string;
  from: string;
  /** Portal base URL by the recipient's role (`brand`, `streamer`, `admin`). */
  portalUrls: Record<string, string>;
  /** Each person's current address (identity, cached). */
  addresses: AddressBook;
  /** Account mails' links. */
  identity: IdentityAccounts;
  attempts: number;
  retryDelayMs: number;
  redisUrl: string;
  prefix: string;
  log: Logger;
}

/** Where a category's email is turned off, on the recipient's own portal (the page reads `unsubscribe`). */
export const unsubscribePath = (category: NotificationCategory) => `/settings/notifications?unsubscribe=${category}`;

/** A mail that will never be sent, and why (kept as the delivery's `lastError`). */
class Unsendable extends Error {}

/**
 * Sends notification emails through a BullMQ queue: each delivery row is one job (its id the
 * job's), retried with exponential backoff; after the last attempt the row is a dead letter
 * (`dead`, with its last error). Pending rows left by a stop are queued again at start. The
 * address is looked up when the mail is sent; an account mail's link is fetched from identity
 * then, and never stored or logged.
 */
export async function startEmailDelivery(options: EmailDeliveryOptions) {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue<{ deliveryId: string }>(EMAIL_QUEUE, { connection, prefix: options.prefix });

  const findDelivery = (id: string) =>
    options.db.emailDelivery.findUnique({ where: { id }, include: { notification: true } });
  type Delivery = NonNullable<Awaited<ReturnType<typeof findDelivery>>>;

  /** The addressed, rendered mail of a delivery; `Unsendable` when it never can be. */
  async function compose(delivery: Delivery) {
    const { notification } = delivery;
    const category = notification.category as NotificationCategory;
    const recipient = delivery.toAddress ? null : await options.addresses.addressOf(notification.userId);
    const to = delivery.toAddress ?? recipient?.email;
    if (!to) throw new Unsendable('identity knows no address for this person');
    const portal = options.portalUrls[recipient?.role ?? ''] ?? options.portalUrls.brand ?? '';
    const unsubscribeUrl = isPreferenceLocked(category, 'email') ? null : `${portal}${unsubscribePath(category)}`;
    let action: EmailAction | null = notification.link ? { label: 'Open in Gametriggers', url: `${portal}${notification.link}` } : null;
    let note: string | undefined;
    if (delivery.accountLinkId) {
      const accountMail = notificationRules[notification.eventType as EventType]?.accountMail;
      const link = await options.identity.mailLink(delivery.accountLinkId);
      if (!accountMail || !link) throw new Unsendable('the link was used, replaced or expired before it could be sent');
      action = { label: accountMail.action, url: link.link };
      note = accountMail.note;
    }
    const mail = await renderNotificationEmail({ category, title: notification.title, body: notification.body, action, note, unsubscribeUrl });
    return { to, mail, unsubscribeUrl };
  }

  async function send(job: Job<{ deliveryId: string }>) {
    const delivery = await findDelivery(job.data.deliveryId);
    if (delivery?.status !== 'pending') return;
    const attemptAt = options.now();
    const attempts = delivery.attempts + 1;
    let to: string;
    try {
      const composed = await compose(delivery);
      to = composed.to;
      await transport.sendMail({
        from: options.from,
        to,
        ...composed.mail,
        ...(composed.unsubscribeUrl ? { list: { unsubscribe: composed.unsubscribeUrl } } : {}),
      });
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      if (error instanceof Unsendable) {
        await options.db.emailDelivery.update({
          where: { id: delivery.id },
          data: { status: 'skipped', attempts, lastAttemptAt: attemptAt, lastError: message },
        });
        return;
      }
      const dead = attempts >= options.attempts;
      await options.db.emailDelivery.update({
        where: { id: delivery.id },
        data: { attempts, lastAttemptAt: attemptAt, lastError: message, ...(dead ? { status: 'dead' } : {}) },
      });
      if (dead) options.log.error({ err: error, deliveryId: delivery.id }, 'notification email dead-lettered');
      throw error;
    }
    await options.db.emailDelivery.update({
      where: { id: delivery.id },
      data: { status: 'sent', toAddress: to, attempts, lastAttemptAt: attemptAt, sentAt: attemptAt, lastError: null },
    });
  }

  const worker = new Worker<{ deliveryId: string }>(EMAIL_QUEUE, send, { connection, prefix: options.prefix, concurrency: 4 });
  worker.on('error', (error) => options.log.error({ err: error }, 'email worker error'));

  async function enqueue(deliveryIds: readonly string[]) {
    if (deliveryIds.length === 0) return;
    await queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        name: 'send',
        data: { deliveryId },
        opts: {
          jobId: deliveryId,
          attempts: options.attempts,
          backoff: { type: 'exponential', delay: options.retryDelayMs },
          removeOnComplete: 1_000,
          removeOnFail: 1_000,
        },
      })),
    );
  }

  const pending = await options.db.emailDelivery.findMany({ where: { status: 'pending' }, select: { id: true } });
  await enqueue(pending.map((row) => row.id));

  return {
    enqueue,
    async stop() {
      await worker.close();
      await queue.close();
      transport.close();
    },
  };
}
export type EmailDelivery = Awaited<ReturnType<typeof startEmailDelivery>>;
