import { getToken } from 'next-auth/jwt';
import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import type { UserRole } from '@gametriggers/tokens';
import { SESSION_COOKIE } from './cookie-names';
import type { SessionTokens } from './session-tokens';

export interface PortalMiddlewareOptions {
  role: UserRole;
  landingUrl: string;
  secret: string;
  /** Paths anyone may open, e.g. next-auth's own routes. */
  publicPaths?: string[];
}

/**
 * Admits only the portal's role: signed-out people go to sign in on landing and come back; people
 * of another role see the portal's `/wrong-portal` page, never a redirect loop.
 */
export function createPortalMiddleware(options: PortalMiddlewareOptions) {
  const publicPaths = ['/api/auth', '/wrong-portal', ...(options.publicPaths ?? [])];
  return async function portalMiddleware(req: NextRequest) {
    if (publicPaths.some((path) => req.nextUrl.pathname.startsWith(path)))
      return NextResponse.next();
    const token = (await getToken({ req, secret: options.secret, cookieName: SESSION_COOKIE })) as
      (Partial<SessionTokens> & Record<string, unknown>) | null;
    if (!token?.user || token.error === 'RefreshFailed') {
      const signIn = new URL('/sign-in', options.landingUrl);
      signIn.searchParams.set('callbackUrl', req.nextUrl.href);
      return NextResponse.redirect(signIn);
    }
    if (token.user.role !== options.role) {
      const wrong = req.nextUrl.clone();
      wrong.pathname = '/wrong-portal';
      wrong.search = `?role=${token.user.role}`;
      return NextResponse.rewrite(wrong);
    }
    // Server components read the path from here to highlight the navigation.
    const headers = new Headers(req.headers);
    headers.set('x-pathname', req.nextUrl.pathname);
    return NextResponse.next({ request: { headers } });
  };
}
