import type { EventEnvelope, EventHandlers, EventType, SqlExecutor } from '@gametriggers/events';
import type { NotificationTx } from '../database';
import { addToDigest } from '../digests/digests';
import { audienceEventTypes, audienceRuleOf } from '../fan-out/fan-out-rules';
import type { FanOutKey } from '../fan-out/fan-out-store';
import { recordFanOut } from '../fan-out/fan-out-store';
import { notificationRules, notifiedEventTypes } from './notification-rules';
import type { StoredNotification } from './store-notification';
import { lookupIn, storeNotification } from './store-notification';

export type { StoredNotification } from './store-notification';

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
  /** How long a digest collects its items (rules with `digest`). */
  digestWindowMs: number;
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
  if (rule.digest) {
    for (const userId of recipients) {
      const item = { eventId: event.id, eventType: event.type, userId, category: rule.category, payload: event.payload };
      await addToDigest(tx, { ...item, digestKey: rule.digest.key(event.payload) }, { now, windowMs: options.digestWindowMs });
    }
    return;
  }
  const text = rule.text(event.payload);
  const accountMail = rule.accountMail && { to: rule.accountMail.to(event.payload), linkId: rule.accountMail.linkId(event.payload) };
  for (const userId of recipients) {
    const notice = { userId, category: rule.category, eventId: event.id, eventType: event.type, text, accountMail };
    const stored = await storeNotification(tx, notice, { now, emailEnabled: options.emailEnabled });
    if (stored) consumerTx.stored.push(stored);
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
