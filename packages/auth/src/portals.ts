import type { UserRole } from '@gametriggers/tokens';

export type Portal = 'landing' | UserRole;

export interface PortalUrls {
  landing: string;
  brand: string;
  streamer: string;
  admin: string;
}

/** Where each portal lives; from env in the apps, defaulting to the local ports. */
export function portalUrlsFrom(env: Record<string, string | undefined>): PortalUrls {
  return {
    landing: env.LANDING_URL ?? 'http://localhost:3000',
    brand: env.BRAND_PORTAL_URL ?? 'http://localhost:3001',
    streamer: env.STREAMER_PORTAL_URL ?? 'http://localhost:3002',
    admin: env.ADMIN_PORTAL_URL ?? 'http://localhost:3003',
  };
}

export function portalForRole(urls: PortalUrls, role: UserRole): string {
  return urls[role];
}

/**
 * Where a person goes after signing in: back to the page that sent them to sign in when it is on
 * their own portal, otherwise their portal's home.
 */
export function portalDestination(
  urls: PortalUrls,
  role: UserRole,
  callbackUrl: string | null | undefined,
): string {
  const home = urls[role];
  if (!callbackUrl) return home;
  try {
    const target = new URL(callbackUrl);
    return target.origin === new URL(home).origin ? target.href : home;
  } catch {
    return home;
  }
}

export const portalNames: Record<UserRole, string> = {
  brand: 'brand portal',
  streamer: 'streamer portal',
  admin: 'admin portal',
};

/**
 * next-auth's redirect rule for us: a path stays on this portal, a full URL is kept only when its
 * origin is exactly one of our portals (so `http://localhost:3001.evil.test` is refused).
 */
export function safeRedirect(url: string, baseUrl: string, urls: PortalUrls): string {
  if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl}${url}`;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return baseUrl;
  }
  const origins = [baseUrl, urls.landing, urls.brand, urls.streamer, urls.admin].map((origin) => {
    try {
      return new URL(origin).origin;
    } catch {
      return undefined;
    }
  });
  return origins.includes(target.origin) ? target.href : baseUrl;
}
