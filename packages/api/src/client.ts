import { createTRPCClient } from '@trpc/client';
import type { AppRouter } from './app-router';
import { domainLink } from './domain-link';

export interface ApiClientOptions {
  gatewayUrl: string;
  /** The signed-in person's access token, if any. */
  getAccessToken?: () => Promise<string | undefined> | string | undefined;
  /** A service credential, for server-side callers (e.g. next-auth calling identity.oauthSignIn). */
  getServiceToken?: () => Promise<string>;
  /** Extra headers on every request, e.g. `x-trpc-source` or a forwarded `x-request-id`. */
  headers?:
    Record<string, string> | (() => Promise<Record<string, string>> | Record<string, string>);
}

export async function apiHeaders(options: Omit<ApiClientOptions, 'gatewayUrl'>) {
  const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
  const headers: Record<string, string> = { ...extra };
  const accessToken = await options.getAccessToken?.();
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  if (options.getServiceToken) headers['x-service-token'] = await options.getServiceToken();
  return headers;
}

/** A typed client for every service, through the gateway, one batch per domain. */
export function createApiClient(options: ApiClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [domainLink(options.gatewayUrl, () => apiHeaders(options))],
  });
}
export type ApiClient = ReturnType<typeof createApiClient>;
