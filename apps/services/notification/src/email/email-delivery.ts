import type { NotificationCategory } from '@gametriggers/contracts';
import { isPreferenceLocked } from '@gametriggers/contracts';
import { redisConnection } from '@gametriggers/events';
import type { Logger } from '@gametriggers/trpc';
import { Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import nodemailer from 'nodemailer';
import type { NotificationDb } from '../database';
import { renderNotificationEmail } from './notification-email';

export const EMAIL_QUEUE = 'notification-email';

export interface EmailDeliveryOptions {
  db: NotificationDb;
  now: () => Date;
  smtpUrl: string;
  from: string;
  /** Portal base URL by the recipient's role (`brand`, `streamer`, `admin`). */
  portalUrls: Record<string, string>;
  attempts: number;
  retryDelayMs: number;
  redisUrl: string;
  prefix: string;
  log: Logger;
}

/** Where a category's email is turned off, on the recipient's own portal (the page reads `unsubscribe`). */
export const unsubscribePath = (category: NotificationCategory) => `/settings/notifications?unsubscribe=${category}`;

/**
 * Sends notification emails through a BullMQ queue: each delivery row is one job (its id the
 * job's), retried with exponential backoff; after the last attempt the row is a dead letter
 * (`dead`, with its last error). Pending rows left by a stop are queued again at start.
 */
export async function startEmailDelivery(options: EmailDeliveryOptions) {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue<{ deliveryId: string }>(EMAIL_QUEUE, { connection, prefix: options.prefix });

  async function send(job: Job<{ deliveryId: string }>) {
    const delivery = await options.db.emailDelivery.findUnique({
      where: { id: job.data.deliveryId },
      include: { notification: true },
    });
    if (delivery?.status !== 'pending') return;
    const { notification } = delivery;
    const recipient = await options.db.recipient.findUnique({ where: { userId: notification.userId } });
    const portal = options.portalUrls[recipient?.role ?? ''] ?? options.portalUrls.brand ?? '';
    const category = notification.category as NotificationCategory;
    const mail = renderNotificationEmail({
      category,
      title: notification.title,
      body: notification.body,
      actionUrl: notification.link ? `${portal}${notification.link}` : null,
      unsubscribeUrl: isPreferenceLocked(category, 'email') ? null : `${portal}${unsubscribePath(category)}`,
    });
    const attemptAt = options.now();
    try {
      await transport.sendMail({
        from: options.from,
        to: delivery.toAddress,
        ...mail,
        ...(isPreferenceLocked(category, 'email') ? {} : { list: { unsubscribe: `${portal}${unsubscribePath(category)}` } }),
      });
    } catch (error) {
      const attempts = delivery.attempts + 1;
      const dead = attempts >= options.attempts;
      await options.db.emailDelivery.update({
        where: { id: delivery.id },
        data: {
          attempts,
          lastAttemptAt: attemptAt,
          lastError: (error as Error).message.slice(0, 1000),
          ...(dead ? { status: 'dead' } : {}),
        },
      });
      if (dead) options.log.error({ err: error, deliveryId: delivery.id }, 'notification email dead-lettered');
      throw error;
    }
    await options.db.emailDelivery.update({
      where: { id: delivery.id },
      data: { status: 'sent', attempts: delivery.attempts + 1, lastAttemptAt: attemptAt, sentAt: attemptAt, lastError: null },
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
