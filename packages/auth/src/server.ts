import { createApiClient } from '@gametriggers/api';
import NextAuth from 'next-auth';
import type { NextAuthOptions, Session } from 'next-auth';
import { cookies } from 'next/headers';
import { SESSION_COOKIE, openSessionCookie } from './session-cookie';
import { isSessionRevoked } from './session-revoked';
import type { SessionTokens, SessionUser } from './session-tokens';

export interface PortalSession extends Session {
  user: SessionUser;
  accessToken: string;
}

/**
 * The signed-in person in a server component or route, read from the session cookie and never
 * refreshed here: a server component cannot write cookies, so a refresh here would rotate the
 * refresh token and lose the new one. The portal middleware has already refreshed it for this
 * request. Null when there is no usable session.
 */
export async function portalSession(options: NextAuthOptions): Promise<PortalSession | null> {
  const token = (await openSessionCookie(
    (await cookies()).get(SESSION_COOKIE)?.value,
    options.secret ?? '',
  )) as (Partial<SessionTokens> & { exp?: number }) | null;
  if (!token?.user || !token.accessToken || token.error) return null;
  return {
    user: token.user,
    accessToken: token.accessToken,
    expires: new Date((token.exp ?? 0) * 1000).toISOString(),
  };
}

/** The API as this person, from the server. */
export function serverApi(
  session: PortalSession,
  gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:4000',
) {
  return createApiClient({ gatewayUrl, getAccessToken: () => session.accessToken });
}

/**
 * Whether this session ended since its token was issued (the account was suspended): one
 * `identity.me` call through the gateway, for what a portal signs outside the API (channel auth).
 */
export function sessionRevoked(
  session: PortalSession,
  gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:4000',
) {
  return isSessionRevoked(serverApi(session, gatewayUrl));
}

type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };
type AuthRouteHandler = (request: Request, context: AuthRouteContext) => Promise<Response>;

/**
 * next-auth's route handler, built per request so a missing secret is reported when someone signs
 * in, not when the portal is built. Its session endpoint refreshes the session (it can write the
 * cookie).
 */
export function authRouteHandler(options: () => NextAuthOptions): AuthRouteHandler {
  return (request, context) => (NextAuth(options()) as AuthRouteHandler)(request, context);
}
