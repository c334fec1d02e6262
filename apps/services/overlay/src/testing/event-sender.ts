import { randomUUID } from 'node:crypto';
import type { EventPayload, EventType } from '@gametriggers/events';
import { eventQueueName } from '@gametriggers/events';
import { Queue } from 'bullmq';
import type { OverlayDb } from '../database';

/**
 * Puts events on the overlay service's queue exactly as the outbox relay does, and waits until the
 * consumer has applied each one.
 */
export function createOverlayEventSender(options: { redisUrl: string; queuePrefix: string; db: OverlayDb }) {
  const url = new URL(options.redisUrl);
  const queue = new Queue(eventQueueName('overlay'), {
    connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
    prefix: options.queuePrefix,
  });

  async function send<T extends EventType>(
    type: T,
    payload: EventPayload<T>,
    meta: { id?: string; occurredAt?: Date } = {},
  ): Promise<string> {
    const id = meta.id ?? randomUUID();
    const occurredAt = (meta.occurredAt ?? new Date()).toISOString();
    await queue.add(type, { id, type, payload, occurredAt }, { jobId: `${id}-${randomUUID()}`, attempts: 1 });
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const applied = await options.db.processedEvent.findUnique({
        where: { consumer_eventId: { consumer: 'overlay', eventId: id } },
      });
      if (applied) return id;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The overlay service did not apply ${type} ${id} within 5 s`);
  }

  return { send, close: () => queue.close() };
}
