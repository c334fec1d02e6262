import type { UserRole } from '@gametriggers/tokens';

/** What the session cookie (an encrypted next-auth JWT) carries between requests. */
export interface SessionTokens {
  accessToken: string;
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number;
  /** Epoch milliseconds when the portal received the access token (absent in older cookies). */
  accessTokenIssuedAt?: number;
  refreshToken: string;
  user: SessionUser;
  error?: 'RefreshFailed';
}

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  adminRole?: string | undefined;
  permissions: string[];
}

/** Refresh a minute early, so a token never expires between the check and its use. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * How early to refresh: a minute, or half the token's lifetime when it lives only seconds (browser
 * tests), so a fresh token is not refreshed again on every request.
 */
export function refreshMarginMs(
  tokens: Pick<SessionTokens, 'accessTokenExpiresAt' | 'accessTokenIssuedAt'>,
): number {
  if (tokens.accessTokenIssuedAt === undefined) return REFRESH_MARGIN_MS;
  const lifetimeMs = tokens.accessTokenExpiresAt - tokens.accessTokenIssuedAt;
  return Math.max(0, Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2));
}

export function needsRefresh(
  tokens: Pick<SessionTokens, 'accessTokenExpiresAt' | 'accessTokenIssuedAt'>,
  now = Date.now(),
): boolean {
  return tokens.accessTokenExpiresAt - refreshMarginMs(tokens) <= now;
}

/** Shown (and recognised by the sign-in page, which then offers to resend the link). */
export const EMAIL_NOT_VERIFIED_MESSAGE =
  'Confirm your email address first: open the link we sent you, or ask for a new one.';

const ACCOUNT_SUSPENDED_MESSAGE =
  'This account is suspended, so it cannot sign in. Contact support@gametriggers.com if you think this is a mistake.';

/** Messages for the sign-in page, by the reason identity gives. */
const messagesByReason: Record<string, string> = {
  invalid_credentials: 'Email or password is incorrect.',
  email_not_verified: EMAIL_NOT_VERIFIED_MESSAGE,
  refresh_token_reused: 'Your session ended for your security. Sign in again.',
  account_suspended: ACCOUNT_SUSPENDED_MESSAGE,
};

export function signInErrorMessage(reason: string | undefined, fallback: string): string {
  return (reason && messagesByReason[reason]) ?? fallback;
}

/** next-auth's `?error=` codes on the sign-in page (OAuth round trips land there). */
const messagesByNextAuthCode: Record<string, string> = {
  CredentialsSignin: 'Email or password is incorrect.',
  OAuthSignin: 'We could not start signing you in with that provider. Try again.',
  OAuthCallback: 'Signing in with that provider did not finish. Try again.',
  Callback: 'Signing in with that provider did not finish. Try again.',
  OAuthAccountNotLinked: 'That email already has an account. Sign in the way you did before.',
  AccessDenied: 'Access was denied.',
  SessionRequired: 'Sign in to continue.',
  Configuration: 'Signing in is not available right now. Try again in a moment.',
  // Ours: the portal middleware's when identity refuses a suspended account's renewal.
  AccountSuspended: ACCOUNT_SUSPENDED_MESSAGE,
};

/**
 * A readable message for the `error` query parameter. Only known codes are shown; anything else
 * gets a generic line, so a crafted link cannot put arbitrary text on our sign-in page.
 */
export function nextAuthErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return messagesByNextAuthCode[code] ?? 'We could not sign you in. Try again.';
}

/** The locked-account message with a time people can read (identity's own message has an ISO stamp). */
export function accountLockedMessage(
  lockedUntil: Date | string | undefined,
  fallback: string,
  now = Date.now(),
): string {
  const until =
    lockedUntil instanceof Date ? lockedUntil : lockedUntil ? new Date(lockedUntil) : undefined;
  if (!until || Number.isNaN(until.getTime())) return fallback;
  const minutes = Math.max(1, Math.ceil((until.getTime() - now) / 60_000));
  const clock = until.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `Too many failed sign-ins. This account is locked until ${clock} UTC (about ${minutes} minute${
    minutes === 1 ? '' : 's'
  }). Try again then, or reset your password.`;
}
