import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DEFAULT_QUEUE_PREFIX } from './queues';

/** One BullMQ queue's jobs by state. */
export interface QueueDepth {
  queue: string;
  waiting: number;
  active: number;
  failed: number;
  delayed: number;
}

/** BullMQ keeps a `<prefix>:<queue>:meta` hash for every queue it has created. */
async function queueNames(redis: Redis, prefix: string): Promise<string[]> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*:meta`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) names.add(key.slice(prefix.length + 1, -':meta'.length));
  } while (cursor !== '0');
  return [...names].sort();
}

/**
 * The depth of every queue under `prefix` (event queues, dead letters, the services' jobs), found in
 * Redis rather than listed, so a queue a service adds shows up without being named here.
 */
export async function queueDepths(
  redisUrl: string,
  prefix = DEFAULT_QUEUE_PREFIX,
): Promise<QueueDepth[]> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
  try {
    await redis.connect();
    const names = await queueNames(redis, prefix);
    return await Promise.all(
      names.map(async (name) => {
        const queue = new Queue(name, { connection: redis, prefix });
        try {
          const counts = await queue.getJobCounts(
            'waiting',
            'prioritized',
            'active',
            'failed',
            'delayed',
          );
          return {
            queue: name,
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            failed: counts.failed ?? 0,
            delayed: counts.delayed ?? 0,
          };
        } finally {
          await queue.close();
        }
      }),
    );
  } finally {
    redis.disconnect();
  }
}
