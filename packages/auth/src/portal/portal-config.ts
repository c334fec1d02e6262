import type { AdminPermission, UserRole } from '@gametriggers/tokens';
import type { NavItem } from '@gametriggers/ui';

export interface PortalNavItem extends NavItem {
  /** Shown only to an admin holding at least one of these permissions. */
  anyOf?: readonly AdminPermission[];
}

export interface PortalConfig {
  role: UserRole;
  name: string;
  nav: PortalNavItem[];
}

/** The entries of a portal's navigation this person may open. */
export function navFor(config: PortalConfig, permissions: readonly string[]): NavItem[] {
  return config.nav
    .filter((item) => !item.anyOf || item.anyOf.some((permission) => permissions.includes(permission)))
    .map(({ href, label }) => ({ href, label }));
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
      { href: '/progress', label: 'Progress' },
      { href: '/disputes', label: 'Disputes' },
      { href: '/settings', label: 'Settings' },
    ],
  },
  admin: {
    role: 'admin',
    name: 'Admin portal',
    nav: [
      { href: '/', label: 'Dashboard' },
      { href: '/users', label: 'Users & admins', anyOf: ['canManageUsers'] },
      {
        href: '/verifications',
        label: 'Verifications',
        anyOf: ['canVerifyBrands', 'canVerifyStreamers'],
      },
      { href: '/campaigns', label: 'Campaigns', anyOf: ['canManageCampaigns'] },
      { href: '/participations', label: 'Participations & rules', anyOf: ['canManageCampaigns'] },
      { href: '/money', label: 'Money', anyOf: ['canViewFinancials'] },
      { href: '/disputes', label: 'Disputes', anyOf: ['canManageDisputes'] },
      { href: '/moderation', label: 'Moderation', anyOf: ['canModerateContent'] },
      { href: '/audit-log', label: 'Audit log', anyOf: ['canAccessAuditLogs'] },
      { href: '/configuration', label: 'Configuration', anyOf: ['canConfigureSystem'] },
      { href: '/health', label: 'Platform health' },
      { href: '/settings', label: 'Settings' },
    ],
  },
};
