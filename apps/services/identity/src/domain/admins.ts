import { defaultPermissionsByAdminRole } from '@gametriggers/tokens';
import type { AdminRole } from '@gametriggers/tokens';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityDeps } from './deps';
import { hashPassword } from './passwords';

export interface NewAdmin {
  email: string;
  password: string;
  username: string;
  firstName: string;
  lastName: string;
  adminRole: AdminRole;
}

/** Creates an admin account with its role's default permission flags. Admins need no mail round trip. */
export async function createAdmin(deps: Pick<IdentityDeps, 'db' | 'now'>, input: NewAdmin) {
  const passwordHash = await hashPassword(input.password);
  const flags = Object.fromEntries(
    defaultPermissionsByAdminRole[input.adminRole].map((flag) => [flag, true]),
  );
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
      return { userId: user.id, email: user.email };
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

/** Demo and fixture accounts: verified, idempotent by email. */
export async function ensureVerifiedUser(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  input: { email: string; password: string; name: string; role: 'brand' | 'streamer' | 'admin' },
) {
  const existing = await deps.db.user.findUnique({ where: { email: input.email } });
  if (existing) return { userId: existing.id, created: false };
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
