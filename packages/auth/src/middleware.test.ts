import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SESSION_RENEWED_COOKIE } from './cookie-names';
import { createPortalMiddleware } from './middleware';
import { openSessionCookie, sealSessionCookie } from './session-cookie';
import type { RefreshOutcome } from './session-refresh';
import { nextAuthErrorMessage } from './session-tokens';
import type { SessionTokens } from './session-tokens';

const SECRET = 'a-nextauth-secret-for-the-tests-only';
const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const LANDING = 'http://localhost:3000';
const PORTAL = 'http://localhost:3001';

const user = {
  id: 'u1',
  email: 'pat@example.com',
  name: 'Pat',
  role: 'brand' as const,
  permissions: [],
};
const session = (expiresInMs: number, lifetimeMs = 10_000): SessionTokens => ({
  accessToken: 'access-1',
  accessTokenIssuedAt: NOW + expiresInMs - lifetimeMs,
  accessTokenExpiresAt: NOW + expiresInMs,
  refreshToken: 'refresh-1',
  user,
});

/** Identity's refresh as the middleware sees it: each call answers the next queued outcome. */
let outcomes: RefreshOutcome[] = [];
let presented: Array<string | undefined> = [];
const refreshSession = (refreshToken: string | undefined) => {
  presented.push(refreshToken);
  return Promise.resolve(outcomes.shift() ?? { kind: 'unavailable' as const });
};
const refreshedTo = (n: number): RefreshOutcome => ({
  kind: 'refreshed',
  tokens: {
    accessToken: `access-${n}`,
    accessTokenIssuedAt: NOW,
    accessTokenExpiresAt: NOW + 10_000,
    refreshToken: `refresh-${n}`,
    user,
  },
});

const middleware = createPortalMiddleware({
  role: 'brand',
  landingUrl: LANDING,
  secret: SECRET,
  now: () => NOW,
  refreshSession,
});

beforeEach(() => {
  outcomes = [];
  presented = [];
});

async function request(
  path: string,
  tokens: SessionTokens | null,
  headers: Record<string, string> = {},
  extraCookies = '',
) {
  const cookies = [extraCookies];
  if (tokens) cookies.push(`${SESSION_COOKIE}=${await sealSessionCookie({ ...tokens }, SECRET)}`);
  return new NextRequest(`${PORTAL}${path}`, {
    headers: { cookie: cookies.filter(Boolean).join('; '), ...headers },
  });
}

/** The session cookie the response writes, decrypted ('' when it deletes it). */
async function writtenSession(response: Response) {
  const setCookie = response.headers.getSetCookie().find((line) => line.startsWith(SESSION_COOKIE));
  if (!setCookie) return undefined;
  const value = setCookie.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? '';
  return value ? await openSessionCookie(value, SECRET) : '';
}

/** The session this request's server render will see (the middleware's request-header override). */
async function renderedSession(response: Response) {
  const cookie = response.headers.get('x-middleware-request-cookie') ?? '';
  const value = cookie
    .split('; ')
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  return openSessionCookie(value, SECRET);
}

describe('the portal middleware keeps a session alive', () => {
  it('leaves a fresh access token alone', async () => {
    const response = await middleware(await request('/campaigns', session(8_000)));
    expect(presented).toEqual([]);
    expect(await writtenSession(response)).toBeUndefined();
    expect(response.headers.get('x-middleware-request-x-return-to')).toBe(`${PORTAL}/campaigns`);
    expect((await renderedSession(response))?.accessToken).toBe('access-1');
  });

  it('refreshes a token in the last half of its life, writes the cookie and renders with it', async () => {
    outcomes = [refreshedTo(2)];
    const response = await middleware(
      await request('/campaigns?status=active', session(4_000), {}, 'theme=dark'),
    );
    expect(presented).toEqual(['refresh-1']);
    expect(await writtenSession(response)).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      user,
    });
    expect(response.headers.getSetCookie().join()).toMatch(/HttpOnly/i);
    expect(await renderedSession(response)).toMatchObject({ accessToken: 'access-2' });
    expect(response.headers.get('x-middleware-request-cookie')).toContain('theme=dark');
  });

  it('refreshes an expired token (an old cookie without its issue time refreshes a minute early)', async () => {
    outcomes = [refreshedTo(2), refreshedTo(3)];
    await middleware(await request('/', session(-5_000)));
    const { accessTokenIssuedAt: _, ...old } = session(59_000);
    await middleware(await request('/', old));
    expect(presented).toEqual(['refresh-1', 'refresh-1']);
  });

  it('keeps the session when identity cannot be reached', async () => {
    outcomes = [{ kind: 'unavailable' }];
    const response = await middleware(await request('/campaigns', session(1_000)));
    expect(response.headers.get('location')).toBeNull();
    expect(await writtenSession(response)).toBeUndefined();
    expect((await renderedSession(response))?.accessToken).toBe('access-1');
  });
});

describe('when the session has ended', () => {
  it('sends a page request to sign in, coming back to the page, and clears the cookie', async () => {
    outcomes = [{ kind: 'ended', reason: 'refresh_token_invalid' }];
    const response = await middleware(
      await request('/campaigns?status=active&_rsc=abc', session(-1_000), { rsc: '1' }),
    );
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${LANDING}/sign-in`);
    expect(location.searchParams.get('callbackUrl')).toBe(`${PORTAL}/campaigns?status=active`);
    expect(await writtenSession(response)).toBe('');
  });

  it('lets a server action run signed out, so its own check redirects the browser', async () => {
    outcomes = [{ kind: 'ended', reason: 'refresh_token_reused' }];
    const response = await middleware(
      await request('/discover', session(-1_000), { 'next-action': 'abc123' }),
    );
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('x-middleware-request-cookie') ?? '').not.toContain(SESSION_COOKIE);
    expect(response.headers.get('x-middleware-request-x-return-to')).toBe(`${PORTAL}/discover`);
    expect(await writtenSession(response)).toBe('');
  });

  it('tells a suspended account why it was signed out', async () => {
    outcomes = [{ kind: 'ended', reason: 'account_suspended' }];
    const response = await middleware(
      await request('/session/renew?callbackUrl=%2Fcampaigns', session(9_000)),
    );
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('AccountSuspended');
    expect(nextAuthErrorMessage(location.searchParams.get('error') ?? undefined)).toMatch(
      /account is suspended/,
    );
    expect(location.searchParams.get('callbackUrl')).toBe(`${PORTAL}/campaigns`);
  });

  it('sends people without a session to sign in without asking identity', async () => {
    const response = await middleware(await request('/campaigns', null));
    expect(response.headers.get('location')).toMatch(
      /^http:\/\/localhost:3000\/sign-in\?callbackUrl=/,
    );
    expect(presented).toEqual([]);
  });
});

describe('renewing on demand (/session/renew)', () => {
  it('refreshes even a fresh token and returns to the page', async () => {
    outcomes = [refreshedTo(2)];
    const response = await middleware(
      await request(
        `/session/renew?callbackUrl=${encodeURIComponent('/campaigns?status=draft')}`,
        session(9_000),
      ),
    );
    expect(presented).toEqual(['refresh-1']);
    expect(response.headers.get('location')).toBe(`${PORTAL}/campaigns?status=draft`);
    expect(await writtenSession(response)).toMatchObject({ accessToken: 'access-2' });
    expect(response.headers.getSetCookie().join()).toContain(`${SESSION_RENEWED_COOKIE}=1`);
  });

  it('only returns to paths of this portal', async () => {
    outcomes = [refreshedTo(2)];
    const response = await middleware(
      await request('/session/renew?callbackUrl=https%3A%2F%2Fevil.test%2F', session(9_000)),
    );
    expect(response.headers.get('location')).toBe(`${PORTAL}/`);
  });

  it('gives up and asks to sign in when a renewal just happened and did not help', async () => {
    const response = await middleware(
      await request(
        '/session/renew?callbackUrl=%2Fcampaigns',
        session(9_000),
        {},
        `${SESSION_RENEWED_COOKIE}=1`,
      ),
    );
    expect(presented).toEqual([]);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('callbackUrl')).toBe(`${PORTAL}/campaigns`);
  });

  it('sends to sign in when identity refuses the renewal', async () => {
    outcomes = [{ kind: 'ended', reason: 'refresh_token_invalid' }];
    const response = await middleware(
      await request('/session/renew?callbackUrl=%2Fanalytics', session(9_000)),
    );
    expect(response.headers.get('location')).toBe(
      `${LANDING}/sign-in?callbackUrl=${encodeURIComponent(`${PORTAL}/analytics`)}`,
    );
  });
});

describe('roles', () => {
  it('shows another role the wrong-portal page, still refreshing its session', async () => {
    const streamer = { ...session(1_000), user: { ...user, role: 'streamer' as const } };
    const refreshed = refreshedTo(2);
    if (refreshed.kind === 'refreshed') refreshed.tokens.user = streamer.user;
    outcomes = [refreshed];
    const response = await middleware(await request('/campaigns', streamer));
    expect(response.headers.get('x-middleware-rewrite')).toBe(
      `${PORTAL}/wrong-portal?role=streamer`,
    );
    expect(await writtenSession(response)).toMatchObject({ accessToken: 'access-2' });
  });
});
