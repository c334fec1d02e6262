import { adminPermissions, defaultPermissionsByAdminRole } from '@gametriggers/tokens';
import type { AdminPermission, AdminRole } from '@gametriggers/tokens';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityDeps } from './deps';
import { hashPassword } from './passwords';
import { totpSecretContext } from './two-factor';
import { assertNotLastSuperAdmin, lockSuperAdmins } from './super-admins';
import { userSummary } from './users';

export interface NewAdmin {
  email: string;
  password: string;
  username: string;
  firstName: string;
  lastName: string;
  adminRole: AdminRole;
  /** A subset of the role's default flags; default: all of them. */
  permissions?: readonly AdminPermission[];
}

/**
 * Creates an admin account with the given permission flags (its role's defaults unless narrowed).
 * Admins need no mail round trip. `actor` is the admin who creates it through the platform (recorded in the audit log); the
 * installation commands run by an operator at the shell pass none.
 */
export async function createAdmin(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  input: NewAdmin,
  actor: AdminActor | null = null,
) {
  const granted = input.permissions ?? defaultPermissionsByAdminRole[input.adminRole];
  const beyondRole = granted.filter(
    (flag) => !defaultPermissionsByAdminRole[input.adminRole].includes(flag),
  );
  if (beyondRole.length > 0) {
    throw new DomainError(
      'invalid',
      'permission_beyond_role',
      `A ${input.adminRole} cannot hold ${beyondRole.join(', ')}.`,
    );
  }
  const passwordHash = await hashPassword(input.password);
  const flags = Object.fromEntries(adminPermissions.map((flag) => [flag, granted.includes(flag)]));
  try {
    return await deps.db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: `${input.firstName} ${input.lastName}`,
          role: 'admin',
          passwordHash,
          emailVerifiedAt: deps.now(),
          admin: {
            create: {
              username: input.username,
              firstName: input.firstName,
              lastName: input.lastName,
              adminRole: input.adminRole,
              ...flags,
            },
          },
        },
      });
      await recordEvent(tx, 'user.registered', {
        userId: user.id,
        email: user.email,
        role: 'admin',
      });
      const permissions = adminPermissions.filter((flag) => granted.includes(flag));
      if (actor) {
        await recordAdminAction(tx, {
          actor,
          permission: 'canConfigureSystem',
          action: 'identity.admin.create',
          subject: { type: 'admin', id: user.id },
          before: null,
          after: { adminRole: input.adminRole, permissions },
          personal: {
            email: user.email,
            username: input.username,
            name: `${input.firstName} ${input.lastName}`,
          },
          occurredAt: deps.now(),
        });
      }
      return {
        userId: user.id,
        email: user.email,
        adminRole: input.adminRole,
        permissions,
      };
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new DomainError(
        'conflict',
        'admin_exists',
        'An account with this email or username already exists.',
      );
    }
    throw error;
  }
}

/**
 * A super admin changes an admin's role and flags. Demoting the last active super admin is
 * refused; the new permissions reach the admin's access token at its next refresh.
 */
export async function updateAdmin(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  input: {
    userId: string;
    adminRole: AdminRole;
    permissions: readonly AdminPermission[];
    reason: string;
  },
  actor: AdminActor,
) {
  return deps.db.$transaction(async (tx) => {
    await lockSuperAdmins(tx);
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      include: { admin: true },
    });
    if (!user?.admin)
      throw new DomainError('not_found', 'admin_not_found', 'There is no such admin.');
    if (input.adminRole !== 'super_admin') await assertNotLastSuperAdmin(tx, user);
    const flags = Object.fromEntries(
      adminPermissions.map((flag) => [flag, input.permissions.includes(flag)]),
    );
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { admin: { update: { adminRole: input.adminRole, ...flags } } },
      include: { admin: true },
    });
    const before = userSummary(user).admin;
    const after = userSummary(updated).admin;
    await recordAdminAction(tx, {
      actor,
      permission: 'canConfigureSystem',
      action: 'identity.admin.update',
      subject: { type: 'admin', id: user.id },
      reason: input.reason,
      before: { adminRole: before?.adminRole, permissions: before?.permissions },
      after: { adminRole: after?.adminRole, permissions: after?.permissions },
      personal: { email: user.email },
      occurredAt: deps.now(),
    });
    return userSummary(updated);
  });
}

/** Demo and fixture accounts: verified, idempotent by email. */
export async function ensureVerifiedUser(
  deps: Pick<IdentityDeps, 'db' | 'now' | 'secrets'>,
  input: {
    email: string;
    password: string;
    name: string;
    role: 'brand' | 'streamer' | 'admin';
    totpSecret?: string | undefined;
  },
) {
  const existing = await deps.db.user.findUnique({ where: { email: input.email } });
  if (existing) {
    await enrolKnownSecret(deps, existing.id, input.totpSecret);
    return { userId: existing.id, created: false };
  }
  if (input.role === 'admin') {
    const [firstName = 'Admin', lastName = 'User'] = input.name.split(' ');
    const admin = await createAdmin(deps, {
      email: input.email,
      password: input.password,
      username: input.email.split('@')[0] ?? 'admin',
      firstName,
      lastName,
      adminRole: 'super_admin',
    });
    await enrolKnownSecret(deps, admin.userId, input.totpSecret);
    return { userId: admin.userId, created: true };
  }
  const passwordHash = await hashPassword(input.password);
  const user = await deps.db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
        emailVerifiedAt: deps.now(),
      },
    });
    await recordEvent(tx, 'user.registered', {
      userId: created.id,
      email: created.email,
      role: created.role,
    });
    return created;
  });
  return { userId: user.id, created: true };
}

/** A fixture admin's two-factor on a secret the fixture knows (left alone once enrolled). */
async function enrolKnownSecret(
  deps: Pick<IdentityDeps, 'db' | 'secrets'>,
  userId: string,
  secret: string | undefined,
) {
  if (!secret) return;
  await deps.db.adminProfile.updateMany({
    where: { userId, twoFactorEnabled: false },
    data: {
      twoFactorEnabled: true,
      totpSecret: deps.secrets.encrypt(secret, totpSecretContext(userId)),
    },
  });
}
