import { z } from 'zod';

export const userRoles = ['brand', 'streamer', 'admin'] as const;
export const userRoleSchema = z.enum(userRoles);
export type UserRole = z.infer<typeof userRoleSchema>;

export const adminRoles = ['super_admin', 'admin', 'moderator', 'support'] as const;
export const adminRoleSchema = z.enum(adminRoles);
export type AdminRole = z.infer<typeof adminRoleSchema>;

/** The seed's nine admin permission flags. */
export const adminPermissions = [
  'canManageUsers',
  'canVerifyBrands',
  'canVerifyStreamers',
  'canManageCampaigns',
  'canViewFinancials',
  'canModerateContent',
  'canAccessAuditLogs',
  'canManageDisputes',
  'canConfigureSystem',
] as const;
export const adminPermissionSchema = z.enum(adminPermissions);
export type AdminPermission = z.infer<typeof adminPermissionSchema>;

/** What each admin role is granted when created; individual flags can be changed afterwards. */
export const defaultPermissionsByAdminRole: Record<AdminRole, readonly AdminPermission[]> = {
  super_admin: adminPermissions,
  admin: [
    'canManageUsers',
    'canVerifyBrands',
    'canVerifyStreamers',
    'canManageCampaigns',
    'canViewFinancials',
    'canModerateContent',
    'canManageDisputes',
  ],
  moderator: ['canVerifyBrands', 'canVerifyStreamers', 'canModerateContent'],
  support: ['canManageDisputes'],
};
