/** Forces a session refresh in the portal middleware, then returns to `callbackUrl` (a path). */
export const SESSION_RENEW_PATH = '/session/renew';

/** The full URL of the page being served, set by the portal middleware for server code. */
export const RETURN_TO_HEADER = 'x-return-to';

/** A path on this portal from untrusted input; anything else (other origins, `//host`) is `/`. */
export function sameOriginPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  return value;
}

/**
 * The landing's sign-in page, coming back to `returnTo` afterwards; `error` is a code the page
 * knows (`nextAuthErrorMessage`), to say why the session ended.
 */
export function signInUrl(landingUrl: string, returnTo: string | undefined, error?: string): URL {
  const url = new URL('/sign-in', landingUrl);
  if (returnTo) url.searchParams.set('callbackUrl', returnTo);
  if (error) url.searchParams.set('error', error);
  return url;
}

/** The sign-in page's code for a session identity ended because the account is suspended. */
export const ACCOUNT_SUSPENDED_CODE = 'AccountSuspended';

/** Where a page goes when the API refused its token: renew the session, then come back. */
export function renewUrl(returnTo: string | undefined): string {
  let path = '/';
  if (returnTo) {
    try {
      const url = new URL(returnTo, 'http://portal.invalid');
      path = sameOriginPath(`${url.pathname}${url.search}`);
    } catch {
      path = '/';
    }
  }
  return `${SESSION_RENEW_PATH}?callbackUrl=${encodeURIComponent(path)}`;
}
