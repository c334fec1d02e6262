import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityDeps } from './deps';
import { mailTokenLink, redeemToken } from './email-links';
import { afterSuccessfulLogin } from './lockout';
import { hashPassword } from './passwords';

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}

const emailTaken = () =>
  new DomainError(
    'conflict',
    'email_taken',
    'An account with this email already exists. Sign in or reset your password.',
  );

export async function registerWithPassword(
  deps: IdentityDeps,
  input: { email: string; password: string; name?: string | undefined; role: 'brand' | 'streamer' },
) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name ?? null, role: input.role, passwordHash },
      });
      await recordEvent(tx, 'user.registered', {
        userId: user.id,
        email: user.email,
        role: user.role,
      });
      await mailTokenLink(tx, deps, user, 'email_verification');
      return { userId: user.id, email: user.email, role: input.role };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

const invalidLink = (what: string) =>
  new DomainError(
    'invalid',
    'link_invalid',
    `This ${what} link is invalid, already used or expired. Ask for a new one.`,
  );

export async function verifyEmail(deps: IdentityDeps, token: string) {
  return deps.db.$transaction(async (tx) => {
    const userId = await redeemToken(tx, deps, token, 'email_verification');
    if (!userId) throw invalidLink('verification');
    const user = await tx.user.update({
      where: { id: userId },
      data: { emailVerifiedAt: deps.now() },
    });
    return { email: user.email, role: user.role };
  });
}

/** Always answers the same way, so nobody can learn which emails have accounts. */
export async function resendVerification(deps: IdentityDeps, email: string) {
  await deps.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (user && !user.emailVerifiedAt) await mailTokenLink(tx, deps, user, 'email_verification');
  });
  return { sent: true as const };
}

export async function requestPasswordReset(deps: IdentityDeps, email: string) {
  await deps.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (user?.isActive) await mailTokenLink(tx, deps, user, 'password_reset');
  });
  return { sent: true as const };
}

/** Sets a new password, unlocks the account and signs out every existing session. */
export async function resetPassword(deps: IdentityDeps, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return deps.db.$transaction(async (tx) => {
    const userId = await redeemToken(tx, deps, token, 'password_reset');
    if (!userId) throw invalidLink('password reset');
    const now = deps.now();
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const user = await tx.user.update({
      where: { id: userId },
      // Following the mailed link proves the address, so it also counts as verifying it.
      data: {
        passwordHash,
        ...afterSuccessfulLogin,
        emailVerifiedAt: before.emailVerifiedAt ?? now,
      },
    });
    await tx.refreshToken.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: now, revokedReason: 'password_reset' },
    });
    return { email: user.email };
  });
}
