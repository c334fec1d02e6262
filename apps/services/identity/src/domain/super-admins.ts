import { DomainError } from '@gametriggers/trpc';
import type { IdentityTx } from '../database';
import type { UserWithAdmin } from './user-with-admin';

/**
 * Serialises every change that could leave the platform without an active super admin: each such
 * transaction takes this lock first, so two super admins demoting each other at once cannot both
 * pass the count below.
 */
export async function lockSuperAdmins(tx: IdentityTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('identity.super_admins'))`;
}

/** Refuses a change that would take away the last active super admin (call after lockSuperAdmins). */
export async function assertNotLastSuperAdmin(tx: IdentityTx, user: UserWithAdmin): Promise<void> {
  if (user.admin?.adminRole !== 'super_admin' || !user.isActive) return;
  const activeSuperAdmins = await tx.adminProfile.count({
    where: { adminRole: 'super_admin', user: { isActive: true } },
  });
  if (activeSuperAdmins <= 1) {
    throw new DomainError(
      'conflict',
      'last_super_admin',
      'This is the last active super admin. Make another admin a super admin first.',
    );
  }
}
