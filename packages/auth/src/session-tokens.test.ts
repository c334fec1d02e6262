import { describe, expect, it } from 'vitest';
import { decidePortalAccess } from './portal-access';
import { portalDestination, portalForRole, portalUrlsFrom, safeRedirect } from './portals';
import {
  REFRESH_MARGIN_MS,
  accountLockedMessage,
  needsRefresh,
  refreshMarginMs,
  nextAuthErrorMessage,
  signInErrorMessage,
} from './session-tokens';

describe('session tokens', () => {
  it('refreshes within the margin before expiry, not before', () => {
    const now = 1_000_000;
    expect(needsRefresh({ accessTokenExpiresAt: now + REFRESH_MARGIN_MS + 1 }, now)).toBe(false);
    expect(needsRefresh({ accessTokenExpiresAt: now + REFRESH_MARGIN_MS }, now)).toBe(true);
    expect(needsRefresh({ accessTokenExpiresAt: now - 1 }, now)).toBe(true);
  });

  it('refreshes a short-lived token in the second half of its life', () => {
    const issued = 1_000_000;
    const tokens = { accessTokenIssuedAt: issued, accessTokenExpiresAt: issued + 10_000 };
    expect(refreshMarginMs(tokens)).toBe(5_000);
    expect(needsRefresh(tokens, issued + 4_999)).toBe(false);
    expect(needsRefresh(tokens, issued + 5_000)).toBe(true);
    expect(
      refreshMarginMs({ accessTokenIssuedAt: issued, accessTokenExpiresAt: issued + 900_000 }),
    ).toBe(REFRESH_MARGIN_MS);
  });

  it('explains known refusals and keeps identity’s message otherwise', () => {
    expect(signInErrorMessage('email_not_verified', 'x')).toMatch(/confirm your email/i);
    expect(signInErrorMessage('account_locked', 'Locked until 10:00')).toBe('Locked until 10:00');
    expect(signInErrorMessage(undefined, 'Something else')).toBe('Something else');
  });
});

describe('portals', () => {
  it('sends each role to its portal', () => {
    const urls = portalUrlsFrom({ BRAND_PORTAL_URL: 'https://brand.example' });
    expect(portalForRole(urls, 'brand')).toBe('https://brand.example');
    expect(portalForRole(urls, 'streamer')).toBe('http://localhost:3002');
    expect(portalForRole(urls, 'admin')).toBe('http://localhost:3003');
  });

  it('brings a person back to the page that sent them to sign in, on their own portal only', () => {
    const urls = portalUrlsFrom({});
    expect(portalDestination(urls, 'brand', 'http://localhost:3001/campaigns?status=draft')).toBe(
      'http://localhost:3001/campaigns?status=draft',
    );
    expect(portalDestination(urls, 'streamer', 'http://localhost:3001/campaigns')).toBe(
      'http://localhost:3002',
    );
    for (const callback of [undefined, '', '/campaigns', 'https://evil.test/', 'not a url'])
      expect(portalDestination(urls, 'brand', callback)).toBe('http://localhost:3001');
  });
});

describe('portal access', () => {
  const session = (role: string, extra: Record<string, unknown> = {}) => ({
    user: { role },
    ...extra,
  });

  it('admits the portal’s own role', () => {
    expect(decidePortalAccess('brand', session('brand'))).toEqual({ kind: 'allow' });
  });
  it('shows another role the wrong-portal page, naming their role', () => {
    expect(decidePortalAccess('brand', session('streamer'))).toEqual({
      kind: 'wrong-portal',
      actualRole: 'streamer',
    });
  });
  it('sends people without a usable session to sign in', () => {
    expect(decidePortalAccess('admin', null)).toEqual({ kind: 'sign-in' });
    expect(decidePortalAccess('admin', {})).toEqual({ kind: 'sign-in' });
    expect(decidePortalAccess('admin', session('admin', { error: 'RefreshFailed' }))).toEqual({
      kind: 'sign-in',
    });
    expect(decidePortalAccess('admin', session('superuser'))).toEqual({ kind: 'sign-in' });
  });
});

describe('sign-in page errors', () => {
  it('explains next-auth codes and never echoes unknown text', () => {
    expect(nextAuthErrorMessage(undefined)).toBeUndefined();
    expect(nextAuthErrorMessage('CredentialsSignin')).toBe('Email or password is incorrect.');
    expect(nextAuthErrorMessage('OAuthCallback')).toMatch(/did not finish/);
    expect(nextAuthErrorMessage('Call support at 555-scam')).toBe(
      'We could not sign you in. Try again.',
    );
  });
});

describe('locked account message', () => {
  it('says until when, in UTC, and roughly how long', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(accountLockedMessage('2026-01-01T10:15:00Z', 'x', now)).toBe(
      'Too many failed sign-ins. This account is locked until 10:15 UTC (about 15 minutes). Try again then, or reset your password.',
    );
    expect(accountLockedMessage(new Date('2026-01-01T10:00:30Z'), 'x', now)).toMatch(
      /about 1 minute\)/,
    );
    expect(accountLockedMessage(undefined, 'identity says so', now)).toBe('identity says so');
  });
});

describe('redirects after sign-in', () => {
  const urls = portalUrlsFrom({});
  const base = 'http://localhost:3000';
  it('keeps paths on this portal and full URLs of our portals', () => {
    expect(safeRedirect('/continue', base, urls)).toBe('http://localhost:3000/continue');
    expect(safeRedirect('http://localhost:3001/campaigns?x=1', base, urls)).toBe(
      'http://localhost:3001/campaigns?x=1',
    );
  });
  it('refuses look-alike and foreign origins', () => {
    expect(safeRedirect('http://localhost:3001.evil.test/', base, urls)).toBe(base);
    expect(safeRedirect('https://evil.test/', base, urls)).toBe(base);
    expect(safeRedirect('//evil.test/', base, urls)).toBe(base);
    expect(safeRedirect('not a url', base, urls)).toBe(base);
  });
});
