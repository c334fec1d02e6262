import { createTRPCClient } from '@trpc/client';
import type { AppRouter } from './app-router';
import { domainLink } from './domain-link';
import { renewSessionLink } from './renew-session-link';
import type { SessionRenewer } from './renew-session-link';

export interface ApiClientOptions {
  gatewayUrl: string;
  /** The signed-in person's access token, if any. */
  getAccessToken?: () => Promise<string | undefined> | string | undefined;
  /** A service credential, for server-side callers (e.g. next-auth calling identity.oauthSignIn). */
  getServiceToken?: () => Promise<string>;
  /** Extra headers on every request, e.g. `x-trpc-source` or a forwarded `x-request-id`. */
  headers?:
    Record<string, string> | (() => Promise<Record<string, string>> | Record<string, string>);
  /** Renews the session when the API refuses the access token; the call is then sent once more. */
  renewSession?: SessionRenewer;
}

export async function apiHeaders(options: Omit<ApiClientOptions, 'gatewayUrl'>) {
  const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
  const headers: Record<string, string> = { ...extra };
  const accessToken = await options.getAccessToken?.();
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  if (options.getServiceToken) headers['x-service-token'] = await options.getServiceToken();
  return headers;
}

/** The links of every client: renew-and-retry when asked for, then one batch per domain. */
export function apiLinks(options: ApiClientOptions) {
  return [
    ...(options.renewSession ? [renewSessionLink<AppRouter>(options.renewSession)] : []),
    domainLink(options.gatewayUrl, () => apiHeaders(options)),
  ];
}

/** A typed client for every service, through the gateway, one batch per domain. */
export function createApiClient(options: ApiClientOptions) {
  return createTRPCClient<AppRouter>({ links: apiLinks(options) });
}
export type ApiClient = ReturnType<typeof createApiClient>;
