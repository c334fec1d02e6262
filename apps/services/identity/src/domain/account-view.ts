import type { AdminPermission } from '@gametriggers/tokens';
import { adminPermissions } from '@gametriggers/tokens';
import type { AdminProfile, User } from '../generated/prisma/client';

export type UserWithAdmin = User & { admin: AdminProfile | null };

export function permissionsOf(admin: AdminProfile | null): AdminPermission[] {
  return admin ? adminPermissions.filter((flag) => admin[flag]) : [];
}

/** What a caller may see of an account: never hashes, tokens or lockout internals. */
export function accountView(user: UserWithAdmin) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    adminRole: user.admin?.adminRole ?? undefined,
    permissions: permissionsOf(user.admin),
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
  };
}
export type AccountView = ReturnType<typeof accountView>;
