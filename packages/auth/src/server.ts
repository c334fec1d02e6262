import { createApiClient } from '@gametriggers/api';
import NextAuth, { getServerSession } from 'next-auth';
import type { NextAuthOptions, Session } from 'next-auth';
import type { SessionUser } from './session-tokens';

export interface PortalSession extends Session {
  user: SessionUser;
  accessToken: string;
}

/** The signed-in person in a server component (the middleware has already checked the role). */
export async function portalSession(options: NextAuthOptions): Promise<PortalSession | null> {
  const found = await getServerSession(options);
  const session = found as (Session & Partial<PortalSession>) | null;
  return session?.user && session.accessToken ? (session as PortalSession) : null;
}

/** The API as this person, from the server. */
export function serverApi(
  session: PortalSession,
  gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:4000',
) {
  return createApiClient({ gatewayUrl, getAccessToken: () => session.accessToken });
}

type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };
type AuthRouteHandler = (request: Request, context: AuthRouteContext) => Promise<Response>;

/**
 * next-auth's route handler, built per request so a missing secret is reported when someone signs
 * in, not when the portal is built.
 */
export function authRouteHandler(options: () => NextAuthOptions): AuthRouteHandler {
  return (request, context) => (NextAuth(options()) as AuthRouteHandler)(request, context);
}
