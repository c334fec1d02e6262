import { getToken } from 'next-auth/jwt';
import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import type { UserRole } from '@gametriggers/tokens';
import { SESSION_COOKIE } from './cookie-names';
import { decidePortalAccess } from './portal-access';

export interface PortalMiddlewareOptions {
  role: UserRole;
  landingUrl: string;
  secret: string;
  /** Paths anyone may open, e.g. next-auth's own routes. */
  publicPaths?: string[];
}

/**
 * Admits only the portal's role: signed-out people go to sign in on landing and come back; people
 * of another role see the portal's `/wrong-portal` page (a rewrite, so never a redirect loop).
 * Edge-safe: next-auth's `getToken` decrypts the shared session cookie with jose.
 */
export function createPortalMiddleware(options: PortalMiddlewareOptions) {
  const publicPaths = ['/api/auth', '/wrong-portal', ...(options.publicPaths ?? [])];
  return async function portalMiddleware(req: NextRequest) {
    if (publicPaths.some((path) => req.nextUrl.pathname.startsWith(path)))
      return NextResponse.next();
    // A missing secret or an undecryptable cookie counts as signed out, never as a crash.
    const token = options.secret
      ? await getToken({ req, secret: options.secret, cookieName: SESSION_COOKIE }).catch(
          () => null,
        )
      : null;
    const access = decidePortalAccess(options.role, token);
    if (access.kind === 'sign-in') {
      const signIn = new URL('/sign-in', options.landingUrl);
      signIn.searchParams.set('callbackUrl', req.nextUrl.href);
      return NextResponse.redirect(signIn);
    }
    if (access.kind === 'wrong-portal') {
      const wrong = req.nextUrl.clone();
      wrong.pathname = '/wrong-portal';
      wrong.search = `?role=${access.actualRole}`;
      return NextResponse.rewrite(wrong);
    }
    // Server components read the path from here to highlight the navigation.
    const headers = new Headers(req.headers);
    headers.set('x-pathname', req.nextUrl.pathname);
    return NextResponse.next({ request: { headers } });
  };
}
