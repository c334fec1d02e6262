import { DomainError } from '@gametriggers/trpc';
import type { IdentityDeps } from './deps';
import { afterFailedLogin, afterSuccessfulLogin, isLocked } from './lockout';
import { hashPassword, verifyAgainstDecoy, verifyLegacyBcryptPassword, verifyPassword } from './passwords';
import type { TokenSet } from './token-sets';
import { accountSuspended, issueTokenSet } from './token-sets';
import { openSignInChallenge, secondFactorRequired } from './sign-in-challenges';
import type { UserWithAdmin } from './user-with-admin';

const wrongCredentials = () =>
  new DomainError('unauthenticated', 'invalid_credentials', 'Email or password is incorrect.');

export function lockedError(lockedUntil: Date) {
  return new DomainError(
    'locked',
    'account_locked',
    `Too many failed sign-ins. This account is locked until ${lockedUntil.toISOString()}; try again then or reset your password.`,
    { lockedUntil: lockedUntil.toISOString() },
  );
}

/** Refuses an account that may not sign in right now: suspended or locked. */
export function assertMaySignIn(user: UserWithAdmin, now: Date): void {
  if (!user.isActive) throw accountSuspended();
  if (isLocked(user, now) && user.lockedUntil) throw lockedError(user.lockedUntil);
}

/**
 * Counts a failed sign-in step (a wrong password or second-factor code) under a row lock, so
 * concurrent guesses cannot slip past the limit; throws the lock error when this one locks it.
 */
export async function countFailedSignIn(deps: IdentityDeps, userId: string, now: Date) {
  const state = await deps.db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<
      Array<{ failedLoginCount: number; lockedUntil: Date | null }>
    >`
      SELECT "failedLoginCount", "lockedUntil" FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
    if (!current) return null;
    const next = afterFailedLogin(current, now);
    await tx.user.update({ where: { id: userId }, data: next });
    return next;
  });
  if (state?.lockedUntil && isLocked(state, now)) throw lockedError(state.lockedUntil);
}

/**
 * The password step. Brands and streamers get their tokens; an admin gets a second-factor (or
 * enrolment) challenge instead, as a typed refusal carrying the challenge token.
 */
export async function loginWithPassword(
  deps: IdentityDeps,
  input: { email: string; password: string },
): Promise<TokenSet> {
  const user = await deps.db.user.findUnique({
    where: { email: input.email },
    include: { admin: true, legacyAccount: { select: { legacyPasswordHash: true } } },
  });
  const legacyHash = user?.passwordHash ? null : (user?.legacyAccount?.legacyPasswordHash ?? null);
  if (!user || (!user.passwordHash && !legacyHash)) {
    await verifyAgainstDecoy(input.password);
    throw wrongCredentials();
  }
  const now = deps.now();
  if (isLocked(user, now) && user.lockedUntil) throw lockedError(user.lockedUntil);

  const matches = user.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyLegacyBcryptPassword(input.password, legacyHash!);
  if (!matches) {
    await countFailedSignIn(deps, user.id, now);
    throw wrongCredentials();
  }
  if (!user.isActive) throw accountSuspended();
  // An imported person's first sign-in: the old bcrypt hash gives way to identity's own.
  const upgradedHash = legacyHash ? await hashPassword(input.password) : null;

  if (!user.emailVerifiedAt) {
    throw new DomainError(
      'forbidden',
      'email_not_verified',
      'Confirm your email address first: open the link we sent you, or ask for a new one.',
    );
  }
  if (user.admin) {
    const admin = user.admin;
    const challenge = await deps.db.$transaction((tx) =>
      openSignInChallenge(tx, deps, user.id, admin),
    );
    throw secondFactorRequired(challenge);
  }
  return deps.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { ...afterSuccessfulLogin, lastLoginAt: now, ...(upgradedHash ? { passwordHash: upgradedHash } : {}) },
    });
    if (upgradedHash) {
      await tx.legacyAccount.update({ where: { userId: user.id }, data: { legacyPasswordHash: null } });
    }
    return issueTokenSet(tx, deps, user);
  });
}
