import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { EventPayload, EventType } from '../catalogue';
import { eventQueueName, redisConnection } from '../queues';

/**
 * Puts events on a service's queue exactly as the outbox relay does, and waits until its consumer
 * has applied each one (`isApplied`: the service's processed-event record for the id exists).
 * An event occurs at `now` (the service's clock) unless the test says when.
 */
export function createEventSender(options: {
  consumer: string;
  redisUrl: string;
  queuePrefix: string;
  isApplied: (eventId: string) => Promise<boolean>;
  now: () => Date;
}) {
  const queue = new Queue(eventQueueName(options.consumer), {
    connection: redisConnection(options.redisUrl),
    prefix: options.queuePrefix,
  });

  async function send<T extends EventType>(
    type: T,
    payload: EventPayload<T>,
    meta: { id?: string; occurredAt?: Date } = {},
  ): Promise<string> {
    const id = meta.id ?? randomUUID();
    const occurredAt = (meta.occurredAt ?? options.now()).toISOString();
    await queue.add(
      type,
      { id, type, payload, occurredAt },
      { jobId: `${id}-${randomUUID()}`, attempts: 1 },
    );
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if (await options.isApplied(id)) return id;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The ${options.consumer} service did not apply ${type} ${id} within 5 s`);
  }

  return {
    send,
    // A queue closed while its connection is still opening rejects with "Connection is closed"
    // (a test that starts a service and stops it at once never sends anything).
    close: async () => {
      await queue.waitUntilReady();
      await queue.close();
    },
  };
}
export type EventSender = ReturnType<typeof createEventSender>;
