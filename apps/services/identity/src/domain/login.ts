import { DomainError } from '@gametriggers/trpc';
import type { IdentityDeps } from './deps';
import { afterFailedLogin, afterSuccessfulLogin, isLocked } from './lockout';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import type { TokenSet } from './token-sets';
import { issueTokenSet } from './token-sets';

const wrongCredentials = () =>
  new DomainError('unauthenticated', 'invalid_credentials', 'Email or password is incorrect.');

function lockedError(lockedUntil: Date) {
  return new DomainError(
    'locked',
    'account_locked',
    `Too many failed sign-ins. This account is locked until ${lockedUntil.toISOString()}; try again then or reset your password.`,
    { lockedUntil: lockedUntil.toISOString() },
  );
}

export async function loginWithPassword(
  deps: IdentityDeps,
  input: { email: string; password: string },
): Promise<TokenSet> {
  const user = await deps.db.user.findUnique({
    where: { email: input.email },
    include: { admin: true },
  });
  if (!user?.passwordHash) {
    await verifyAgainstDecoy(input.password);
    throw wrongCredentials();
  }
  const now = deps.now();
  if (isLocked(user, now) && user.lockedUntil) throw lockedError(user.lockedUntil);

  if (!(await verifyPassword(input.password, user.passwordHash))) {
    // Count under a row lock so concurrent guesses cannot slip past the limit.
    const state = await deps.db.$transaction(async (tx) => {
      const [current] = await tx.$queryRaw<
        Array<{ failedLoginCount: number; lockedUntil: Date | null }>
      >`
        SELECT "failedLoginCount", "lockedUntil" FROM "User" WHERE id = ${user.id}::uuid FOR UPDATE`;
      const next = afterFailedLogin(current ?? user, now);
      await tx.user.update({ where: { id: user.id }, data: next });
      return next;
    });
    if (state.lockedUntil && isLocked(state, now)) throw lockedError(state.lockedUntil);
    throw wrongCredentials();
  }

  if (!user.emailVerifiedAt) {
    throw new DomainError(
      'forbidden',
      'email_not_verified',
      'Confirm your email address first: open the link we sent you, or ask for a new one.',
    );
  }
  return deps.db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { ...afterSuccessfulLogin, lastLoginAt: now },
    });
    return issueTokenSet(tx, deps, user);
  });
}
