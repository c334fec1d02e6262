import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventHandlers, EventType, SqlExecutor } from '@gametriggers/events';
import type { NotificationTx } from '../database';
import { channelsFor } from '../domain/preferences';
import { audienceEventTypes, audienceRuleOf } from '../fan-out/fan-out-rules';
import type { FanOutKey } from '../fan-out/fan-out-store';
import { recordFanOut } from '../fan-out/fan-out-store';
import type { RecipientLookup } from './notification-rules';
import { notificationRules, notifiedEventTypes } from './notification-rules';

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
  /** The email delivery created with it, if its email channel is on and the address known. */
  emailDeliveryId: string | null;
}

/**
 * What the consumer's transaction runner hands each handler (see app.ts): the SQL executor the
 * events kit needs, the Prisma transaction, and the list of notifications it stored.
 */
export interface NotificationConsumerTx extends SqlExecutor {
  prisma: NotificationTx;
  stored: StoredNotification[];
  /** Fan-outs recorded (audiences told a page at a time), to start once the transaction commits. */
  fanOuts: FanOutKey[];
}

export interface NotifyOptions {
  now: () => Date;
  /** Whether email is configured at all (no SMTP: no deliveries are created). */
  emailEnabled: boolean;
}

function lookupIn(tx: NotificationTx): RecipientLookup {
  return {
    async campaignBrandId(campaignId) {
      const owner = await tx.campaignOwner.findUnique({ where: { campaignId } });
      return owner?.brandId ?? null;
    },
  };
}

/** Campaign events name their brand: kept, for events that name only the campaign. */
async function rememberCampaignOwner(tx: NotificationTx, payload: unknown, now: Date) {
  const ref = payload as { campaignId?: unknown; brandId?: unknown; title?: unknown };
  if (typeof ref.campaignId !== 'string' || typeof ref.brandId !== 'string' || typeof ref.title !== 'string') return;
  const data = { brandId: ref.brandId, title: ref.title.slice(0, 200), updatedAt: now };
  await tx.campaignOwner.upsert({ where: { campaignId: ref.campaignId }, create: { campaignId: ref.campaignId, ...data }, update: data });
}

/**
 * Stores the notifications one event gives, each recipient once: the consumer skips an event id it
 * has applied, and the unique (event, recipient, category) refuses a second copy whatever happens.
 */
export async function notifyOnEvent<T extends EventType>(
  event: EventEnvelope<T>,
  consumerTx: NotificationConsumerTx,
  options: NotifyOptions,
): Promise<void> {
  const tx = consumerTx.prisma;
  const now = options.now();
  if (event.type.startsWith('campaign.')) await rememberCampaignOwner(tx, event.payload, now);
  const rule = notificationRules[event.type];
  if (!rule) return;
  const recipients = [...new Set(await rule.recipients(event.payload, lookupIn(tx)))];
  if (recipients.length === 0) return;
  const text = rule.text(event.payload);
  for (const userId of recipients) {
    const channels = await channelsFor(tx, userId, rule.category);
    const address = options.emailEnabled && channels.email ? await tx.recipient.findUnique({ where: { userId } }) : null;
    if (!channels.in_app && !address) continue;
    const notificationId = randomUUID();
    const { count } = await tx.notification.createMany({
      data: [
        {
          id: notificationId,
          userId,
          category: rule.category,
          eventId: event.id,
          eventType: event.type,
          title: text.title.slice(0, 200),
          body: text.body.slice(0, 1000),
          link: text.link,
          inApp: channels.in_app,
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) continue;
    let emailDeliveryId: string | null = null;
    if (address) {
      emailDeliveryId = randomUUID();
      await tx.emailDelivery.create({
        data: { id: emailDeliveryId, notificationId, toAddress: address.email, createdAt: now },
      });
    }
    consumerTx.stored.push({
      notificationId,
      userId,
      category: rule.category,
      title: text.title,
      body: text.body,
      link: text.link,
      createdAt: now,
      inApp: channels.in_app,
      emailDeliveryId,
    });
  }
}

/** An event that tells an audience records its fan-out, run a page at a time after the commit. */
async function recordAudienceFanOut(event: EventEnvelope, consumerTx: NotificationConsumerTx, options: NotifyOptions) {
  const rule = audienceRuleOf(event.type);
  if (!rule) return;
  const key: FanOutKey = { eventId: event.id, category: rule.category };
  await recordFanOut(consumerTx.prisma, {
    ...key,
    eventType: event.type,
    audience: rule.audience(event.payload),
    payload: event.payload,
    now: options.now(),
  });
  consumerTx.fanOuts.push(key);
}

/** The handlers of every event the service hears: the notifying ones, and the address book. */
export function notificationEventHandlers(options: NotifyOptions): EventHandlers {
  const handlers: Record<string, (event: EventEnvelope, tx: SqlExecutor) => Promise<unknown>> = {};
  for (const type of new Set([...notifiedEventTypes, ...audienceEventTypes])) {
    handlers[type] = async (event, tx) => {
      await notifyOnEvent(event, tx as NotificationConsumerTx, options);
      await recordAudienceFanOut(event, tx as NotificationConsumerTx, options);
    };
  }
  // Only the campaign's owner is needed from a submitted creative (a rejected one names only the campaign).
  handlers['campaign.creative_submitted'] = (event, tx) =>
    notifyOnEvent(event, tx as NotificationConsumerTx, options);
  handlers['user.registered'] = async (event, tx) => {
    const { userId, email, role } = (event as EventEnvelope<'user.registered'>).payload;
    const data = { email, role, updatedAt: options.now() };
    await (tx as NotificationConsumerTx).prisma.recipient.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  };
  return handlers;
}

/** Every event type the notification service subscribes to (kept in step with the catalogue by a test). */
export const subscribedEventTypes: EventType[] = [
  ...new Set([...notifiedEventTypes, ...audienceEventTypes]),
  'campaign.creative_submitted',
  'user.registered',
];
