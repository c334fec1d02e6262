import type { UserRole } from '@gametriggers/tokens';
import type { NavItem } from '@gametriggers/ui';

export interface PortalConfig {
  role: UserRole;
  name: string;
  nav: NavItem[];
}

export const portalConfigs: Record<UserRole, PortalConfig> = {
  brand: {
    role: 'brand',
    name: 'Brand portal',
    nav: [
      { href: '/', label: 'Overview' },
      { href: '/campaigns', label: 'Campaigns' },
      { href: '/discover', label: 'Discover streamers' },
      { href: '/profile', label: 'Company profile' },
      { href: '/analytics', label: 'Analytics' },
      { href: '/billing', label: 'Billing' },
      { href: '/disputes', label: 'Disputes' },
      { href: '/settings', label: 'Settings' },
    ],
  },
  streamer: {
    role: 'streamer',
    name: 'Streamer portal',
    nav: [
      { href: '/', label: 'Overview' },
      { href: '/marketplace', label: 'Marketplace' },
      { href: '/my-campaigns', label: 'My campaigns' },
      { href: '/keys', label: 'G-Keys & energy' },
      { href: '/profile', label: 'Profile & platforms' },
      { href: '/overlay', label: 'Overlay' },
      { href: '/analytics', label: 'Analytics' },
      { href: '/earnings', label: 'Earnings' },
      { href: '/disputes', label: 'Disputes' },
      { href: '/settings', label: 'Settings' },
    ],
  },
  admin: {
    role: 'admin',
    name: 'Admin portal',
    nav: [
      { href: '/', label: 'Dashboard' },
      { href: '/users', label: 'Users' },
      { href: '/verifications', label: 'Verifications' },
      { href: '/campaigns', label: 'Campaigns' },
      { href: '/finance', label: 'Finance' },
      { href: '/moderation', label: 'Moderation' },
      { href: '/audit-log', label: 'Audit log' },
      { href: '/settings', label: 'Settings' },
    ],
  },
};
