import { cursorParts, keysetCursor } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import type { AdminPermission } from '@gametriggers/tokens';
import { DomainError } from '@gametriggers/trpc';
import type { z } from 'zod';
import type { IdentityTx } from '../database';
import type { Prisma } from '../generated/prisma/client';
import type { searchUsersInput } from '../schemas';
import type { UserWithAdmin } from './user-with-admin';
import { permissionsOf } from './user-with-admin';
import type { IdentityDeps } from './deps';
import { assertNotLastSuperAdmin, lockSuperAdmins } from './super-admins';

type SearchUsersInput = z.output<typeof searchUsersInput>;

const usersCursor = {
  newest: keysetCursor('users.newest', { createdAt: cursorParts.instant, id: cursorParts.id }),
  oldest: keysetCursor('users.oldest', { createdAt: cursorParts.instant, id: cursorParts.id }),
};

/** What an admin sees of an account: never hashes, secrets or tokens. */
export function userSummary(user: UserWithAdmin) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.isActive ? ('active' as const) : ('suspended' as const),
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    failedLoginCount: user.failedLoginCount,
    lockedUntil: user.lockedUntil,
    suspendedAt: user.suspendedAt,
    suspendedReason: user.suspendedReason,
    admin: user.admin
      ? {
          username: user.admin.username,
          adminRole: user.admin.adminRole,
          permissions: permissionsOf(user.admin),
          twoFactorEnabled: user.admin.twoFactorEnabled,
        }
      : null,
  };
}

/** Accounts by email or name, role and status, newest or oldest first (keyset pages). */
export async function searchUsers(deps: IdentityDeps, input: SearchUsersInput) {
  const codec = usersCursor[input.sort];
  const position = codec.decodeOptional(input.cursor);
  const direction = input.sort === 'newest' ? 'lt' : 'gt';
  const order = input.sort === 'newest' ? 'desc' : 'asc';
  const where: Prisma.UserWhereInput = {
    ...(input.role ? { role: input.role } : {}),
    ...(input.status ? { isActive: input.status === 'active' } : {}),
    ...(input.search
      ? {
          OR: [
            { email: { contains: input.search, mode: 'insensitive' } },
            { name: { contains: input.search, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(position
      ? {
          AND: [
            {
              OR: [
                { createdAt: { [direction]: position.createdAt } },
                { createdAt: position.createdAt, id: { [direction]: position.id } },
              ],
            },
          ],
        }
      : {}),
  };
  const rows = await deps.db.user.findMany({
    where,
    include: { admin: true },
    orderBy: [{ createdAt: order }, { id: order }],
    take: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(userSummary),
    nextCursor:
      rows.length > input.limit && last
        ? codec.encode({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}

const noSuchUser = () =>
  new DomainError('not_found', 'user_not_found', 'There is no such account.');

export async function getUser(deps: IdentityDeps, userId: string) {
  const user = await deps.db.user.findUnique({ where: { id: userId }, include: { admin: true } });
  if (!user) throw noSuchUser();
  return userSummary(user);
}

/** Ends every session of the account at once: its refresh tokens and open sign-in challenges. */
export async function endAllSessions(tx: IdentityTx, userId: string, reason: string, at: Date) {
  await tx.refreshToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: at, revokedReason: reason },
  });
  await tx.signInChallenge.updateMany({ where: { userId, usedAt: null }, data: { usedAt: at } });
}

export interface StatusChange {
  userId: string;
  reason: string;
  /** Suspending or reactivating an admin takes a super admin's permission. */
  callerPermissions: readonly AdminPermission[];
}

/**
 * Suspends (or, for an admin, deactivates) an account: no sign-in, no refresh, sessions ended at
 * once; `user.suspended` tells the services that act for it (the overlay stops serving).
 */
export async function suspendUser(deps: IdentityDeps, change: StatusChange, actor: AdminActor) {
  return deps.db.$transaction(async (tx) => {
    await lockSuperAdmins(tx);
    const user = await tx.user.findUnique({
      where: { id: change.userId },
      include: { admin: true },
    });
    if (!user) throw noSuchUser();
    assertMayChangeStatus(user, change, actor);
    if (!user.isActive) return userSummary(user);
    await assertNotLastSuperAdmin(tx, user);
    const now = deps.now();
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { isActive: false, suspendedAt: now, suspendedReason: change.reason },
      include: { admin: true },
    });
    await endAllSessions(tx, user.id, 'suspended', now);
    await recordEvent(tx, 'user.suspended', {
      userId: user.id,
      role: user.role,
      suspendedAt: now.toISOString(),
    });
    await recordAdminAction(tx, {
      actor,
      permission: permissionFor(user),
      action: 'identity.user.suspend',
      subject: { type: user.admin ? 'admin' : 'user', id: user.id },
      before: { status: 'active' },
      after: { status: 'suspended' },
      reason: change.reason,
      personal: { email: user.email },
      occurredAt: now,
    });
    return userSummary(updated);
  });
}

export async function reactivateUser(deps: IdentityDeps, change: StatusChange, actor: AdminActor) {
  return deps.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: change.userId },
      include: { admin: true },
    });
    if (!user) throw noSuchUser();
    assertMayChangeStatus(user, change, actor);
    if (user.isActive) return userSummary(user);
    const now = deps.now();
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { isActive: true, suspendedAt: null, suspendedReason: null },
      include: { admin: true },
    });
    await recordEvent(tx, 'user.reactivated', { userId: user.id, role: user.role });
    await recordAdminAction(tx, {
      actor,
      permission: permissionFor(user),
      action: 'identity.user.reactivate',
      subject: { type: user.admin ? 'admin' : 'user', id: user.id },
      before: { status: 'suspended' },
      after: { status: 'active' },
      reason: change.reason,
      personal: { email: user.email },
      occurredAt: now,
    });
    return userSummary(updated);
  });
}

function permissionFor(user: UserWithAdmin): AdminPermission {
  return user.admin ? 'canConfigureSystem' : 'canManageUsers';
}

function assertMayChangeStatus(user: UserWithAdmin, change: StatusChange, actor: AdminActor) {
  if (user.id === actor.adminId) {
    throw new DomainError(
      'forbidden',
      'cannot_change_own_status',
      'You cannot suspend or reactivate your own account; ask another super admin.',
    );
  }
  if (user.admin && !change.callerPermissions.includes('canConfigureSystem')) {
    throw new DomainError(
      'forbidden',
      'super_admin_required',
      'Only a super admin can suspend, deactivate or reactivate an admin.',
    );
  }
}
