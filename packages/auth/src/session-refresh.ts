import { TRPCClientError, createApiClient } from '@gametriggers/api';
import type { ApiClient } from '@gametriggers/api';
import type { SessionTokens } from './session-tokens';

export type TokenSet = Awaited<ReturnType<ApiClient['identity']['login']['mutate']>>;

/** The session's tokens from identity's answer, stamped with when the portal received them. */
export function sessionFrom(tokens: TokenSet, receivedAt: number): SessionTokens {
  return {
    accessToken: tokens.accessToken,
    // In the edge runtime (middleware) superjson's dates can arrive as ISO strings.
    accessTokenExpiresAt: new Date(tokens.accessTokenExpiresAt).getTime(),
    accessTokenIssuedAt: receivedAt,
    refreshToken: tokens.refreshToken,
    user: { ...tokens.user, permissions: tokens.user.permissions },
  };
}

/**
 * What a refresh came to: new tokens; the session has ended (identity refused the refresh token:
 * signed out, revoked, expired, account disabled); or identity could not be asked (keep the
 * session, try again on the next request).
 */
export type RefreshOutcome =
  | { kind: 'refreshed'; tokens: SessionTokens }
  | { kind: 'ended'; reason: string | undefined }
  | { kind: 'unavailable' };

export interface SessionRefresherOptions {
  gatewayUrl: string;
  now?: () => number;
}

/** Rotates a session's refresh token at identity (edge-safe: the API client only uses fetch). */
export function createSessionRefresher(options: SessionRefresherOptions) {
  const api = createApiClient({ gatewayUrl: options.gatewayUrl });
  const now = options.now ?? Date.now;
  return async function refreshSession(refreshToken: string | undefined): Promise<RefreshOutcome> {
    if (!refreshToken) return { kind: 'ended', reason: undefined };
    try {
      const tokens = await api.identity.refresh.mutate({ refreshToken });
      return { kind: 'refreshed', tokens: sessionFrom(tokens, now()) };
    } catch (error) {
      const data =
        error instanceof TRPCClientError
          ? (error.data as { httpStatus?: number; reason?: string } | undefined)
          : undefined;
      const status = data?.httpStatus ?? 0;
      // A 4xx is identity's answer about this token; anything else is an outage, not an ending.
      if (status >= 400 && status < 500 && status !== 429)
        return { kind: 'ended', reason: data?.reason };
      return { kind: 'unavailable' };
    }
  };
}
export type SessionRefresher = ReturnType<typeof createSessionRefresher>;
