/**
 * Every process the platform runs. Adding a domain service is one line in `services`; entries whose
 * folder does not exist yet are skipped everywhere (databases, processes, readiness, URL table).
 */
export interface ServiceEntry {
  name: string;
  /** The workspace package, for `pnpm --filter`. */
  package: string;
  port: number;
  /** Folder under apps/. */
  dir: string;
  kind: 'service' | 'gateway' | 'portal';
  /** Path that answers once the process can serve. */
  readyPath: string;
  /** Its own PostgreSQL database (services only). */
  database?: string;
}

const service = (name: string, port: number): ServiceEntry => ({
  name,
  package: `@gametriggers/${name}-service`,
  port,
  dir: `services/${name}`,
  kind: 'service',
  readyPath: '/readyz',
  database: `gt_${name}`,
});

const portal = (name: string, port: number): ServiceEntry => ({
  name,
  package: `@gametriggers/${name}-portal`,
  port,
  dir: name,
  kind: 'portal',
  readyPath: '/',
});

export const services: ServiceEntry[] = [
  service('identity', 4101),
  service('brand', 4102),
  service('streamer', 4103),
  service('campaign', 4104),
  service('participation', 4105),
  service('analytics', 4106),
  service('payment', 4107),
  service('asset', 4108),
  service('notification', 4109),
  service('overlay', 4110),
  service('admin', 4111),
];

export const gateway: ServiceEntry = {
  name: 'gateway',
  package: '@gametriggers/gateway',
  port: 4000,
  dir: 'gateway',
  kind: 'gateway',
  readyPath: '/readyz',
};
/** The gateway's internal Prometheus listener (not on the public edge). */
export const gatewayMetricsPort = 9400;

/** Services, then the gateway: the processes behind the portals. */
export const backendServices: ServiceEntry[] = [...services, gateway];

export const portals: ServiceEntry[] = [
  portal('landing', 3000),
  portal('brand', 3001),
  portal('streamer', 3002),
  portal('admin', 3003),
];

/** Names are shared between a service and a portal (brand, streamer, admin): this is the process label. */
export const processName = (entry: ServiceEntry) =>
  entry.kind === 'portal' ? `${entry.name}-portal` : entry.name;

export const standIns = { smtp: 1025, mailHttp: 8025, twitchOidc: 4901, googleOidc: 4902, twitchApi: 4903, youtubeApi: 4904, pusher: 4905, stripe: 4906, uploadThing: 4908 };

/** The demo super admin's authenticator secret (base32), public and for development only. */
export const DEMO_ADMIN_TOTP_SECRET = 'GAMETRIGGERSDEMOADMINTOTPDEVONLY';

export const demoAccounts = [
  { email: 'brand@demo.gametriggers.dev', password: 'DemoBrand!2026', name: 'Acme Energy', role: 'brand' },
  { email: 'streamer@demo.gametriggers.dev', password: 'DemoStreamer!2026', name: 'Pixel Pat', role: 'streamer' },
  {
    email: 'admin@demo.gametriggers.dev',
    password: 'DemoAdmin!2026',
    name: 'Ada Admin',
    role: 'admin',
    // Development only: add it to an authenticator app to sign in; the seeds compute codes from it.
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  },
] as const;
