/** Every process the platform runs, one line each. Services that do not exist yet are skipped. */
export interface ServiceEntry {
  name: string;
  port: number;
  /** Folder under apps/. */
  dir: string;
  database?: string;
}

export const backendServices: ServiceEntry[] = [
  { name: 'identity', port: 4101, dir: 'services/identity', database: 'gt_identity' },
  { name: 'gateway', port: 4000, dir: 'gateway' },
];

export const portals: ServiceEntry[] = [
  { name: 'landing', port: 3000, dir: 'landing' },
  { name: 'brand', port: 3001, dir: 'brand' },
  { name: 'streamer', port: 3002, dir: 'streamer' },
  { name: 'admin', port: 3003, dir: 'admin' },
];

export const standIns = { smtp: 1025, mailHttp: 8025, twitchOidc: 4901, googleOidc: 4902 };

export const demoAccounts = [
  {
    email: 'brand@demo.gametriggers.dev',
    password: 'DemoBrand!2026',
    name: 'Acme Energy',
    role: 'brand',
  },
  {
    email: 'streamer@demo.gametriggers.dev',
    password: 'DemoStreamer!2026',
    name: 'Pixel Pat',
    role: 'streamer',
  },
  {
    email: 'admin@demo.gametriggers.dev',
    password: 'DemoAdmin!2026',
    name: 'Ada Admin',
    role: 'admin',
  },
] as const;
