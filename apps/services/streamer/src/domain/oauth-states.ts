import { createHash, randomBytes } from 'node:crypto';
import type { ConnectablePlatform } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import type { StreamerDeps } from './deps';

export const OAUTH_STATE_TTL_MS = 10 * 60_000;

const hashOf = (state: string) => createHash('sha256').update(state).digest('hex');

/** A one-time `state` for an OAuth round trip, bound to the streamer, platform and redirect URI. */
export async function issueOAuthState(
  deps: StreamerDeps,
  binding: { streamerId: string; platform: ConnectablePlatform; redirectUri: string },
): Promise<string> {
  const state = randomBytes(32).toString('base64url');
  const now = deps.now();
  await deps.db.$transaction([
    deps.db.oAuthState.deleteMany({ where: { expiresAt: { lt: now } } }),
    deps.db.oAuthState.create({
      data: {
        stateHash: hashOf(state),
        ...binding,
        expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
      },
    }),
  ]);
  return state;
}

/**
 * Uses up a `state`: it must exist, be unused and unexpired, and match the streamer, platform and
 * redirect URI it was issued for. Any mismatch reads the same, so nothing is revealed about others'.
 */
export async function consumeOAuthState(
  deps: StreamerDeps,
  presented: {
    state: string;
    streamerId: string;
    platform: ConnectablePlatform;
    redirectUri: string;
  },
) {
  const consumed = await deps.db.oAuthState.updateMany({
    where: {
      stateHash: hashOf(presented.state),
      streamerId: presented.streamerId,
      platform: presented.platform,
      redirectUri: presented.redirectUri,
      usedAt: null,
      expiresAt: { gt: deps.now() },
    },
    data: { usedAt: deps.now() },
  });
  if (consumed.count !== 1) {
    throw new DomainError(
      'invalid',
      'oauth_state_invalid',
      'This connection attempt has expired or was already used. Start connecting again.',
    );
  }
}
