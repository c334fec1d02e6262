import type { AdminPermission } from '@gametriggers/tokens';
import { adminPermissions } from '@gametriggers/tokens';
import type { AdminProfile, User } from '../generated/prisma/client';

export type UserWithAdmin = User & { admin: AdminProfile | null };

export function permissionsOf(admin: AdminProfile | null): AdminPermission[] {
  return admin ? adminPermissions.filter((flag) => admin[flag]) : [];
}
