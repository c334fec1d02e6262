import type { AdminPermission, AdminRole, UserRole } from '@gametriggers/tokens';
import { adminPermissions } from '@gametriggers/tokens';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityDb } from '../database';
import { Prisma } from '../generated/prisma/client';
import { accountSuspended } from './token-sets';

type AccountRow = {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  emailVerifiedAt: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
  isActive: boolean;
  adminRole: AdminRole | null;
} & Record<AdminPermission, boolean | null>;

/** Every permission flag of the admin profile, so a new flag cannot be forgotten here. */
const permissionColumns = Prisma.raw(adminPermissions.map((flag) => `a."${flag}"`).join(', '));

/**
 * What a caller may see of their own account (never hashes, tokens or lockout internals).
 * `me`, the read behind every portal page: one typed raw query joining the admin profile. Through
 * the model API it is two queries, each compiled by Prisma's query compiler on every call, which
 * cost four times this one (see the README's gateway benchmark).
 */
export async function signedInAccount(db: IdentityDb, userId: string) {
  const [row] = await db.$queryRaw<AccountRow[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u."emailVerifiedAt", u."createdAt",
           u."lastLoginAt", u."isActive", a."adminRole"::text AS "adminRole",
           ${permissionColumns}
    FROM "User" u LEFT JOIN "AdminProfile" a ON a."userId" = u.id
    WHERE u.id = ${userId}::uuid`;
  if (!row) throw new DomainError('not_found', 'account_not_found', 'This account no longer exists.');
  if (!row.isActive) throw accountSuspended();
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerified: row.emailVerifiedAt !== null,
    adminRole: row.adminRole ?? undefined,
    permissions: adminPermissions.filter((flag) => row[flag] === true),
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}
