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

export const portalNames: Record<UserRole, string> = {
  brand: 'brand portal',
  streamer: 'streamer portal',
  admin: 'admin portal',
};
