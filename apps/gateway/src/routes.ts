import type { UserRole } from '@gametriggers/tokens';

export interface DomainRoute {
  /**
   * Who may call the domain through the gateway: `public` leaves it to the service's procedures,
   * `signed-in` takes any valid access token, a list names the roles.
   */
  access: 'public' | 'signed-in' | readonly UserRole[];
  defaultPort: number;
}

/**
 * The seed's gateway rules, one line a domain. Services check roles and ownership again, per
 * procedure. Widened from the seed where a marketplace needs both sides: brands discover
 * streamers, streamers see the brand behind a campaign.
 */
export const domainRoutes = {
  identity: { access: 'public', defaultPort: 4101 },
  brand: { access: ['brand', 'streamer', 'admin'], defaultPort: 4102 },
  streamer: { access: ['streamer', 'brand', 'admin'], defaultPort: 4103 },
  campaign: { access: ['brand', 'streamer', 'admin'], defaultPort: 4104 },
  participation: { access: ['brand', 'streamer', 'admin'], defaultPort: 4105 },
  analytics: { access: ['brand', 'streamer', 'admin'], defaultPort: 4106 },
  payment: { access: ['brand', 'streamer', 'admin'], defaultPort: 4107 },
  asset: { access: ['brand', 'streamer', 'admin'], defaultPort: 4108 },
  notification: { access: 'signed-in', defaultPort: 4109 },
  overlay: { access: ['streamer', 'admin'], defaultPort: 4110 },
  admin: { access: ['admin'], defaultPort: 4111 },
} as const satisfies Record<string, DomainRoute>;

export type Domain = keyof typeof domainRoutes;

export function isDomain(name: string): name is Domain {
  return Object.hasOwn(domainRoutes, name);
}

/**
 * The upload routes (`uploadthing`'s route handler) of the asset service: same role rules as the
 * asset domain; the service checks the token again and who may upload what.
 */
export const UPLOAD_ROUTE_PATH = '/api/uploadthing';

/** `/api/<domain>/<rest>` → the domain and the tRPC path on the service. */
export function parseApiPath(pathname: string): { domain: string; rest: string } | undefined {
  const match = /^\/api\/([a-z]+)\/(.+)$/.exec(pathname);
  return match?.[1] && match[2] ? { domain: match[1], rest: match[2] } : undefined;
}
