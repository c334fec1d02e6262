import type { AccessTokenClaims } from '@gametriggers/tokens';
import type { Redis } from 'ioredis';

// Keeps the latest instant only, so a redelivered or late older event changes nothing.
const keepLatestInstant = `
local current = tonumber(redis.call('GET', KEYS[1]))
if current and current >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

export interface SessionRevocationsOptions {
  /** Default `gt:gateway:sessions-ended`. */
  keyPrefix?: string;
  /** How long an entry is kept: longer than identity's access-token lifetime. */
  retentionMs: number;
}

/**
 * The accounts whose sessions identity ended (a suspension), in the gateway's own Redis: per user,
 * the instant it happened. An access token issued before that instant is refused, so a suspension
 * takes effect at the edge at once rather than when the token expires. An entry outlives every
 * token it can refuse, then disappears; a token issued later (after a reactivation) passes.
 */
export function createSessionRevocations(redis: Redis, options: SessionRevocationsOptions) {
  const prefix = options.keyPrefix ?? 'gt:gateway:sessions-ended';
  redis.defineCommand('gtKeepLatestInstant', { numberOfKeys: 1, lua: keepLatestInstant });
  const keepLatest = (
    redis as unknown as {
      gtKeepLatestInstant(key: string, instantMs: number, retentionMs: number): Promise<number>;
    }
  ).gtKeepLatestInstant.bind(redis);
  const keyOf = (userId: string) => `${prefix}:${userId}`;

  return {
    /** Every token of `userId` issued up to `at` is refused from now on (for `retentionMs`). */
    async revokeIssuedUpTo(userId: string, at: Date): Promise<void> {
      await keepLatest(keyOf(userId), at.getTime(), options.retentionMs);
    },

    /** Whether identity ended this token's session after issuing it: one Redis read. */
    async isRevoked(claims: Pick<AccessTokenClaims, 'sub' | 'iat'>): Promise<boolean> {
      const endedAt = await redis.get(keyOf(claims.sub));
      // `iat` has whole seconds: a token from the very second of the suspension counts as before
      // it (one signed in again within that second after a reactivation simply renews).
      return endedAt !== null && claims.iat * 1000 <= Number(endedAt);
    },
  };
}
export type SessionRevocations = ReturnType<typeof createSessionRevocations>;
