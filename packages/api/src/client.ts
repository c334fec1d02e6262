import { createTRPCClient } from '@trpc/client';
import type { AppRouter } from './app-router';
import { domainLink } from './domain-link';

export interface ApiClientOptions {
  gatewayUrl: string;
  /** The signed-in person's access token, if any. */
  getAccessToken?: () => Promise<string | undefined> | string | undefined;
  /** A service credential, for server-side callers (e.g. next-auth calling identity.oauthSignIn). */
  getServiceToken?: () => Promise<string>;
}

export async function apiHeaders(options: Omit<ApiClientOptions, 'gatewayUrl'>) {
  const headers: Record<string, string> = {};
  const accessToken = await options.getAccessToken?.();
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  if (options.getServiceToken) headers['x-service-token'] = await options.getServiceToken();
  return headers;
}

export function createApiClient(options: ApiClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [domainLink(options.gatewayUrl, () => apiHeaders(options))],
  });
}
export type ApiClient = ReturnType<typeof createApiClient>;
