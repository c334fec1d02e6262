import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DEFAULT_QUEUE_PREFIX, deadLetterQueueName, eventQueueName } from './queues';

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

/** One queue a service owns, as the service kit's queue gauges serve it. */
export interface ServiceQueueStats {
  queue: string;
  jobs: { waiting: number; active: number; delayed: number; failed: number; completed: number };
  /** How long the oldest waiting job has waited (by `now`); 0 when none waits. */
  oldestWaitingAgeSeconds: number;
  /** Events that kept failing and wait in the dead-letter queue (the event queue only). */
  deadLetters?: number;
}

/**
 * The queues a service owns: its event queue (`events.<service>`) and its job queues, which are
 * named after it (`<service>-…` or `<service>.…`). Its dead letters are reported with its event queue.
 */
export function isQueueOf(service: string, queue: string): boolean {
  return (
    queue === eventQueueName(service) || queue.startsWith(`${service}-`) || queue.startsWith(`${service}.`)
  );
}

export interface QueueStatsReader {
  queueStats(): Promise<ServiceQueueStats[]>;
  close(): Promise<void>;
}

/**
 * Reads a service's queues for `/metrics`: jobs by state, the oldest waiting job's age, dead
 * letters. Its queues are found in Redis (so a new job queue shows up unlisted), at most every
 * `rediscoverEveryMs`; its event queue is always read, even before a first event reached it.
 */
export function createQueueStatsReader(options: {
  redisUrl: string;
  prefix?: string;
  service: string;
  now?: () => number;
  rediscoverEveryMs?: number;
}): QueueStatsReader {
  const prefix = options.prefix ?? DEFAULT_QUEUE_PREFIX;
  const now = options.now ?? Date.now;
  const rediscoverEveryMs = options.rediscoverEveryMs ?? 5 * 60_000;
  // One connection, kept: a scrape every few seconds must not open one each time. Commands fail
  // fast while Redis is away instead of waiting for it (a scrape is better empty than late).
  const redis = new Redis(options.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  redis.on('error', () => {});
  const queues = new Map<string, Queue>();
  let discovered: { at: number; names: string[] } | undefined;

  const queue = (name: string) => {
    let found = queues.get(name);
    if (!found) {
      found = new Queue(name, { connection: redis, prefix });
      found.on('error', () => {});
      queues.set(name, found);
    }
    return found;
  };

  async function ownedQueues() {
    if (!discovered || now() - discovered.at >= rediscoverEveryMs) {
      const names = (await queueNames(redis, prefix)).filter((name) => isQueueOf(options.service, name));
      discovered = { at: now(), names: [...new Set([eventQueueName(options.service), ...names])].sort() };
    }
    return discovered.names;
  }

  async function oldestWaitingAgeSeconds(name: string) {
    // `wait` is pushed at its head: the oldest job is its last (ascending order starts there).
    const [oldest] = await queue(name).getJobs(['wait', 'paused'], 0, 0, true);
    if (!oldest) return 0;
    const waitingSince = oldest.timestamp + (oldest.delay ?? 0);
    return Math.max(0, (now() - waitingSince) / 1000);
  }

  async function statsOf(name: string): Promise<ServiceQueueStats> {
    const [counts, oldestAge, deadLetters] = await Promise.all([
      queue(name).getJobCounts('waiting', 'prioritized', 'paused', 'active', 'delayed', 'failed', 'completed'),
      oldestWaitingAgeSeconds(name),
      name === eventQueueName(options.service)
        ? queue(deadLetterQueueName(options.service))
            .getJobCounts('waiting', 'prioritized', 'paused', 'delayed')
            .then((dead) => Object.values(dead).reduce((sum, count) => sum + count, 0))
        : undefined,
    ]);
    return {
      queue: name,
      jobs: {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        completed: counts.completed ?? 0,
      },
      oldestWaitingAgeSeconds: oldestAge,
      ...(deadLetters === undefined ? {} : { deadLetters }),
    };
  }

  return {
    async queueStats() {
      if (redis.status === 'wait') await redis.connect();
      return Promise.all((await ownedQueues()).map(statsOf));
    },
    async close() {
      await Promise.all([...queues.values()].map((open) => open.close()));
      redis.disconnect();
    },
  };
}
