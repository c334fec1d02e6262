import type { JWT } from 'next-auth/jwt';
import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import type { UserRole } from '@gametriggers/tokens';
import { SESSION_COOKIE, SESSION_RENEWED_COOKIE } from './cookie-names';
import { decidePortalAccess } from './portal-access';
import {
  SESSION_MAX_AGE_SECONDS,
  openSessionCookie,
  sealSessionCookie,
  secureCookiesFor,
  sessionCookieOptions,
} from './session-cookie';
import { createSessionRefresher } from './session-refresh';
import type { SessionRefresher } from './session-refresh';
import {
  ACCOUNT_SUSPENDED_CODE,
  RETURN_TO_HEADER,
  SESSION_RENEW_PATH,
  sameOriginPath,
  signInUrl,
} from './session-routes';
import { needsRefresh } from './session-tokens';
import type { SessionTokens } from './session-tokens';

export interface PortalMiddlewareOptions {
  role: UserRole;
  landingUrl: string;
  secret: string;
  /** Where identity's refresh is called (default `http://localhost:4000`). */
  gatewayUrl?: string;
  /** e.g. `.gametriggers.com`, as in the next-auth options. */
  cookieDomain?: string | undefined;
  /** Paths anyone may open, e.g. next-auth's own routes. */
  publicPaths?: string[];
  /** Epoch milliseconds; tests fix it. */
  now?: () => number;
  /** Tests replace identity's refresh. */
  refreshSession?: SessionRefresher;
}

/** A renewal this recent that still did not help means the session cannot be used: sign in. */
const RENEWAL_LOOP_GUARD_SECONDS = 10;

type SessionJwt = JWT & Partial<SessionTokens>;

/**
 * Admits only the portal's role: signed-out people go to sign in on landing and come back; people
 * of another role see the portal's `/wrong-portal` page (a rewrite, so never a redirect loop).
 *
 * It is also where a session stays alive. Server components cannot write cookies, so the
 * middleware refreshes an access token that is about to expire, writes the new session cookie on
 * the response and puts it in this request's cookie header, so the page rendered for this very
 * request already uses the new token. `/session/renew?callbackUrl=` forces a refresh: pages go
 * there when the API refused their token anyway.
 */
export function createPortalMiddleware(options: PortalMiddlewareOptions) {
  const publicPaths = ['/api/auth', '/wrong-portal', ...(options.publicPaths ?? [])];
  const now = options.now ?? Date.now;
  const refreshSession =
    options.refreshSession ??
    createSessionRefresher({ gatewayUrl: options.gatewayUrl ?? 'http://localhost:4000', now });
  const cookieOptions = sessionCookieOptions({
    secure: secureCookiesFor(options.landingUrl),
    domain: options.cookieDomain,
  });

  return async function portalMiddleware(req: NextRequest) {
    const { pathname } = req.nextUrl;
    if (publicPaths.some((path) => pathname.startsWith(path))) return NextResponse.next();

    const renewing = pathname === SESSION_RENEW_PATH;
    const returnTo = renewing
      ? new URL(sameOriginPath(req.nextUrl.searchParams.get('callbackUrl')), req.nextUrl.origin)
      : returnUrlOf(req);
    // A missing secret or an undecryptable cookie counts as signed out, never as a crash.
    const stored = await openSessionCookie(req.cookies.get(SESSION_COOKIE)?.value, options.secret);

    let session: SessionJwt | null = stored?.error ? null : stored;
    let sealed: string | undefined;
    let endedBecause: string | undefined;
    if (session && renewing && req.cookies.has(SESSION_RENEWED_COOKIE)) session = null;
    else if (session && (renewing || isDue(session, now()))) {
      const outcome = await refreshSession(session.refreshToken);
      if (outcome.kind === 'refreshed') {
        session = { ...session, ...outcome.tokens, error: undefined };
        sealed = await sealSessionCookie(session, options.secret);
      } else if (outcome.kind === 'ended') {
        session = null;
        endedBecause = outcome.reason;
      }
    }
    const ended = Boolean(stored) && !session;

    const finish = (response: NextResponse) => {
      if (sealed)
        response.cookies.set(SESSION_COOKIE, sealed, {
          ...cookieOptions,
          maxAge: SESSION_MAX_AGE_SECONDS,
        });
      else if (ended) response.cookies.set(SESSION_COOKIE, '', { ...cookieOptions, maxAge: 0 });
      return response;
    };

    const access = decidePortalAccess(options.role, session);
    if (access.kind === 'sign-in') {
      // A server action is a fetch: a redirect to another origin would fail in the browser, so it
      // runs signed out and its own session check sends the browser to sign in.
      if (req.headers.has('next-action')) {
        const headers = withSessionCookie(req, undefined);
        headers.set(RETURN_TO_HEADER, returnTo.href);
        return finish(NextResponse.next({ request: { headers } }));
      }
      const why = endedBecause === 'account_suspended' ? ACCOUNT_SUSPENDED_CODE : undefined;
      return finish(NextResponse.redirect(signInUrl(options.landingUrl, returnTo.href, why)));
    }
    if (renewing) {
      const response = finish(NextResponse.redirect(returnTo));
      response.cookies.set(SESSION_RENEWED_COOKIE, '1', {
        ...cookieOptions,
        maxAge: RENEWAL_LOOP_GUARD_SECONDS,
      });
      return response;
    }
    const headers = withSessionCookie(req, sealed ?? req.cookies.get(SESSION_COOKIE)?.value);
    // Server components read the path from here to highlight the navigation.
    headers.set('x-pathname', pathname);
    headers.set(RETURN_TO_HEADER, returnTo.href);
    if (access.kind === 'wrong-portal') {
      const wrong = req.nextUrl.clone();
      wrong.pathname = '/wrong-portal';
      wrong.search = `?role=${access.actualRole}`;
      return finish(NextResponse.rewrite(wrong, { request: { headers } }));
    }
    return finish(NextResponse.next({ request: { headers } }));
  };
}

function isDue(session: SessionJwt, now: number): boolean {
  return (
    typeof session.accessTokenExpiresAt !== 'number' ||
    needsRefresh(
      {
        accessTokenExpiresAt: session.accessTokenExpiresAt,
        accessTokenIssuedAt: session.accessTokenIssuedAt,
      },
      now,
    )
  );
}

/** The page the person asked for (without the router's `_rsc` cache key). */
function returnUrlOf(req: NextRequest): URL {
  const url = new URL(req.nextUrl.href);
  url.searchParams.delete('_rsc');
  return url;
}

/** The request's headers with its session cookie set to `value` (removed when undefined). */
function withSessionCookie(req: NextRequest, value: string | undefined): Headers {
  const headers = new Headers(req.headers);
  const cookies = req.cookies
    .getAll()
    .filter((cookie) => cookie.name !== SESSION_COOKIE)
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`);
  if (value) cookies.push(`${SESSION_COOKIE}=${value}`);
  if (cookies.length) headers.set('cookie', cookies.join('; '));
  else headers.delete('cookie');
  return headers;
}
