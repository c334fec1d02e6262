import type { Redis } from 'ioredis';

// Fixed windows for several keys in one round trip: returns, per key, the count so far and the
// milliseconds left in its window.
const countInWindows = `
local results = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  local ttl = redis.call('PTTL', key)
  results[#results + 1] = count
  results[#results + 1] = ttl
end
return results`;

export interface RateLimit {
  key: string;
  limit: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export function createRateLimiter(
  redis: Redis,
  windowMs: number,
  now: () => Date,
  prefix = 'gt:ratelimit',
) {
  redis.defineCommand('gtCountInWindows', { lua: countInWindows });
  const run = (
    redis as unknown as {
      gtCountInWindows(numberOfKeys: number, ...args: Array<string | number>): Promise<number[]>;
    }
  ).gtCountInWindows.bind(redis);

  return async function check(limits: RateLimit[]): Promise<RateLimitDecision> {
    const window = Math.floor(now().getTime() / windowMs);
    const keys = limits.map((limit) => `${prefix}:${limit.key}:${window}`);
    const results = await run(keys.length, ...keys, windowMs);
    let retryAfterMs = 0;
    limits.forEach((limit, index) => {
      const count = results[index * 2] ?? 0;
      const ttl = results[index * 2 + 1] ?? windowMs;
      if (count > limit.limit) retryAfterMs = Math.max(retryAfterMs, ttl);
    });
    return {
      allowed: retryAfterMs === 0,
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    };
  };
}
