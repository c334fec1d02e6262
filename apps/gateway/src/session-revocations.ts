import type { AccessTokenClaims } from '@gametriggers/tokens';
import type { Redis } from 'ioredis';

// An entry is `<instant ms>` or `<instant ms> <kept session id>`. Keeps the latest instant only, so
// a redelivered or late older event changes nothing.
const keepLatestInstant = `
local value = redis.call('GET', KEYS[1])
local current = value and tonumber(string.match(value, '^%d+'))
if current and current >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
return 1`;

/** Why the gateway refuses a still-valid token: identity ended its session after issuing it. */
export type SessionEnding = 'account_suspended' | 'signed_out_elsewhere';

export interface SessionRevocationsOptions {
  /** Default `gt:gateway:sessions-ended`. */
  keyPrefix?: string;
  /** How long an entry is kept: longer than identity's access-token lifetime. */
  retentionMs: number;
}

/**
 * The accounts whose sessions identity ended, in the gateway's own Redis: per user, the instant of
 * the latest suspension, and the instant the person ended their other sessions (a password change,
 * "sign out of other devices") with the session they kept. An access token issued before such an
 * instant is refused (unless it belongs to the kept session), so the ending takes effect at the edge
 * at once rather than when the token expires. An entry outlives every token it can refuse, then
 * disappears; a token issued later (a new sign-in, a reactivation) passes.
 */
export function createSessionRevocations(redis: Redis, options: SessionRevocationsOptions) {
  const prefix = options.keyPrefix ?? 'gt:gateway:sessions-ended';
  redis.defineCommand('gtKeepLatestInstant', { numberOfKeys: 1, lua: keepLatestInstant });
  const keepLatest = (
    redis as unknown as {
      gtKeepLatestInstant(
        key: string,
        instantMs: number,
        retentionMs: number,
        entry: string,
      ): Promise<number>;
    }
  ).gtKeepLatestInstant.bind(redis);
  const suspensionKey = (userId: string) => `${prefix}:${userId}`;
  const othersEndedKey = (userId: string) => `${prefix}:others:${userId}`;

  return {
    /** Every token of `userId` issued up to `at` is refused from now on (for `retentionMs`). */
    async revokeIssuedUpTo(userId: string, at: Date): Promise<void> {
      const instant = at.getTime();
      await keepLatest(suspensionKey(userId), instant, options.retentionMs, String(instant));
    },

    /**
     * Every token of `userId` issued up to `at` is refused from now on, except the kept session's
     * (none kept: all of them).
     */
    async revokeOtherSessionsUpTo(userId: string, at: Date, keptSessionId?: string): Promise<void> {
      const instant = at.getTime();
      const entry = keptSessionId ? `${instant} ${keptSessionId}` : String(instant);
      await keepLatest(othersEndedKey(userId), instant, options.retentionMs, entry);
    },

    /** Whether (and why) identity ended this token's session after issuing it: one Redis read. */
    async endingOf(
      claims: Pick<AccessTokenClaims, 'sub' | 'iat' | 'sid'>,
    ): Promise<SessionEnding | undefined> {
      const [suspendedAt, othersEnded] = await redis.mget(
        suspensionKey(claims.sub),
        othersEndedKey(claims.sub),
      );
      // `iat` has whole seconds: a token from the very second of the ending counts as before it
      // (one signed in again within that second simply renews).
      const issuedMs = claims.iat * 1000;
      if (suspendedAt && issuedMs <= Number(suspendedAt)) return 'account_suspended';
      if (othersEnded) {
        const [endedAt, keptSessionId] = othersEnded.split(' ');
        if (issuedMs <= Number(endedAt) && claims.sid !== keptSessionId)
          return 'signed_out_elsewhere';
      }
      return undefined;
    },
  };
}
export type SessionRevocations = ReturnType<typeof createSessionRevocations>;
