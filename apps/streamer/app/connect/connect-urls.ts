import type { ConnectablePlatform } from '@gametriggers/contracts';

/** Where the streamer returns after the platform's consent screen; set when connecting starts. */
export const CONNECT_RETURN_COOKIE = 'gt_connect_return';

/** The portal's public origin: the platform redirects here, and the service only allows it. */
export function portalOrigin(): string {
  return new URL(
    process.env.STREAMER_PORTAL_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3002',
  ).origin;
}

export const redirectUriFor = (platform: ConnectablePlatform) =>
  `${portalOrigin()}/connect/${platform}`;

/** Only paths on this portal (`/profile`), never `//elsewhere` or absolute URLs. */
export function safeReturnPath(value: string | undefined): string | undefined {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')
    ? value
    : undefined;
}

export function withQuery(path: string, query: Record<string, string>): string {
  const url = new URL(path, 'http://portal.invalid');
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}
