import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityTx } from '../database';
import type { IdentityDeps } from './deps';
import { afterSuccessfulLogin, isLocked } from './lockout';
import { countFailedSignIn, lockedError } from './login';
import { hashPassword, verifyPassword } from './passwords';
import { accountSuspended } from './token-sets';

/** Who is asking: the signed-in person and the session (refresh-token family) their token names. */
export interface AccountCaller {
  userId: string;
  /** The access token's `sid`; tokens issued before sessions were named have none. */
  sessionId: string | undefined;
}

const accountGone = () =>
  new DomainError('not_found', 'account_not_found', 'This account no longer exists.');

async function activeUser(deps: IdentityDeps, userId: string) {
  const user = await deps.db.user.findUnique({ where: { id: userId }, include: { admin: true } });
  if (!user) throw accountGone();
  if (!user.isActive) throw accountSuspended();
  return user;
}

/**
 * The sessions still alive: refresh-token families with a token that is neither revoked, expired
 * nor rotated (the one its holder refreshes with next).
 */
async function liveSessionIds(
  db: Pick<IdentityTx, 'refreshToken'>,
  userId: string,
  now: Date,
): Promise<string[]> {
  const heads = await db.refreshToken.findMany({
    where: { userId, revokedAt: null, rotatedAt: null, expiresAt: { gt: now } },
    select: { familyId: true },
    distinct: ['familyId'],
  });
  return heads.map((head) => head.familyId);
}

/**
 * Ends every session of the person except `keep` (every one when `keep` is unknown): their
 * refresh tokens are revoked, so each ends at its next refresh. Returns how many sessions ended.
 */
async function endSessionsExcept(
  tx: Pick<IdentityTx, 'refreshToken'>,
  userId: string,
  keep: string | undefined,
  reason: 'password_changed' | 'signed_out_elsewhere',
  now: Date,
): Promise<number> {
  const ending = (await liveSessionIds(tx, userId, now)).filter((id) => id !== keep);
  await tx.refreshToken.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { familyId: { not: keep } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return ending.length;
}

/** The signed-in person's own account, as the settings page shows it. */
export async function ownAccount(deps: IdentityDeps, caller: AccountCaller) {
  const user = await activeUser(deps, caller.userId);
  const sessions = await liveSessionIds(deps.db, user.id, deps.now());
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    hasPassword: user.passwordHash !== null,
    twoFactorEnabled: user.admin ? user.admin.twoFactorEnabled : null,
    activeSessions: sessions.length,
    currentSessionKnown: caller.sessionId !== undefined,
  };
}
export type OwnAccount = Awaited<ReturnType<typeof ownAccount>>;

const wrongCurrentPassword = () =>
  new DomainError(
    'invalid',
    'current_password_incorrect',
    'Your current password is not right. Type it again, or reset it from the sign-in page.',
  );

/**
 * Changes the password of someone who knows the current one. A wrong current password counts as a
 * failed sign-in (five in a row lock the account, as at sign-in). On success every other session
 * ends; the one the change was made from goes on. A token without a session id cannot say which
 * one that is, so then every session ends, this one included, and the person signs in again with
 * the new password: never leave a session alive that might be a thief's.
 */
export async function changeOwnPassword(
  deps: IdentityDeps,
  caller: AccountCaller,
  input: { currentPassword: string; newPassword: string },
) {
  const now = deps.now();
  const user = await activeUser(deps, caller.userId);
  if (!user.passwordHash) {
    throw new DomainError(
      'precondition_failed',
      'no_password',
      'This account signs in with Google or Twitch and has no password yet. To set one, use “Forgot password” on the sign-in page.',
    );
  }
  if (isLocked(user, now) && user.lockedUntil) throw lockedError(user.lockedUntil);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await countFailedSignIn(deps, user.id, now);
    throw wrongCurrentPassword();
  }
  if (input.newPassword.normalize('NFKC') === input.currentPassword.normalize('NFKC')) {
    throw new DomainError(
      'invalid',
      'password_unchanged',
      'The new password is the same as the current one. Choose a different one.',
    );
  }
  const newHash = await hashPassword(input.newPassword);
  return deps.db.$transaction(async (tx) => {
    // Only over the hash just checked: a change made meanwhile (another tab, a reset) wins.
    const changed = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash: newHash, ...afterSuccessfulLogin },
    });
    if (changed.count === 0) {
      throw new DomainError(
        'conflict',
        'password_changed_meanwhile',
        'Your password was changed somewhere else just now. Reload the page and try again.',
      );
    }
    const otherSessionsEnded = await endSessionsExcept(
      tx,
      user.id,
      caller.sessionId,
      'password_changed',
      now,
    );
    await recordEvent(tx, 'user.password_changed', {
      userId: user.id,
      role: user.role,
      changedAt: now.toISOString(),
      ...(caller.sessionId ? { keptSessionId: caller.sessionId } : {}),
    });
    return {
      changedAt: now,
      otherSessionsEnded,
      currentSessionKept: caller.sessionId !== undefined,
    };
  });
}

/**
 * Signs the person out everywhere but here. A token without a session id cannot tell "here" from
 * the rest, so the call is refused rather than ending the session it was made from too.
 */
export async function signOutOtherSessions(deps: IdentityDeps, caller: AccountCaller) {
  const keep = caller.sessionId;
  if (!keep) {
    throw new DomainError(
      'precondition_failed',
      'current_session_unknown',
      'We cannot tell this session apart from your others yet. Sign out, sign in again and try once more.',
    );
  }
  const user = await activeUser(deps, caller.userId);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const sessionsEnded = await endSessionsExcept(tx, user.id, keep, 'signed_out_elsewhere', now);
    await recordEvent(tx, 'user.other_sessions_ended', {
      userId: user.id,
      role: user.role,
      endedAt: now.toISOString(),
      keptSessionId: keep,
      sessionsEnded,
    });
    return { sessionsEnded };
  });
}
