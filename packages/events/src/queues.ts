import type { ConnectionOptions } from 'bullmq';

export const DEFAULT_QUEUE_PREFIX = 'gt';

/** Each subscribing service has one queue of events, and one of events that kept failing. */
export function eventQueueName(service: string): string {
  return `events.${service}`;
}

export function deadLetterQueueName(service: string): string {
  return `events.${service}.dead`;
}

/** The service whose dead letters a queue holds; null for any other queue. */
export function deadLetterServiceOf(queueName: string): string | null {
  return /^events\.(.+)\.dead$/.exec(queueName)?.[1] ?? null;
}

/** BullMQ's connection options for a `redis://[user:password@]host:port/db` URL. */
export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

/** Retries before an event is dead-lettered, with exponential backoff from one second. */
export const deliveryAttempts = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
} as const;
