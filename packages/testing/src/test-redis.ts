import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const testRedisUrl =
  process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedisNamespace {
  /** A prefix unique to this test file, for keys and BullMQ queue prefixes. */
  prefix: string;
  url: string;
  /** Deletes every key under the prefix. */
  clear(): Promise<void>;
}

export function createTestRedisNamespace(label = 'test'): TestRedisNamespace {
  const prefix = `gt-test:${label}:${randomBytes(4).toString('hex')}`;
  return {
    prefix,
    url: testRedisUrl,
    async clear() {
      const redis = new Redis(testRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
