import { decode, encode } from 'next-auth/jwt';
import type { JWT } from 'next-auth/jwt';
import { SESSION_COOKIE } from './cookie-names';

/** A session lasts as long as its refresh token (30 days); the cookie as long. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface SessionCookieSettings {
  secure: boolean;
  /** e.g. `.gametriggers.com`, so every portal subdomain shares the session. */
  domain?: string | undefined;
}

/** The session cookie's attributes, the same wherever it is written (next-auth or middleware). */
export function sessionCookieOptions(settings: SessionCookieSettings) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: settings.secure,
    ...(settings.domain ? { domain: settings.domain } : {}),
  };
}

/** Cookies are `Secure` when the portals are served over https. */
export function secureCookiesFor(landingUrl: string): boolean {
  return landingUrl.startsWith('https://');
}

/** The decrypted session, or null when the cookie is missing or cannot be read (never a crash). */
export async function openSessionCookie(
  value: string | undefined,
  secret: string,
): Promise<JWT | null> {
  if (!value || !secret) return null;
  return decode({ token: value, secret }).catch(() => null);
}

/** The session encrypted exactly as next-auth writes it, so either side can read the other's. */
export function sealSessionCookie(token: JWT, secret: string): Promise<string> {
  return encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}

export { SESSION_COOKIE };
