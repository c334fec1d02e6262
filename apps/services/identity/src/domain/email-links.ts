import { recordEvent } from '@gametriggers/events';
import type { IdentityTx } from '../database';
import type { UserTokenPurpose } from '../generated/prisma/client';
import type { IdentityDeps } from './deps';
import { hashOpaqueToken, newOpaqueToken } from './opaque-tokens';

const lifetimeMs: Record<UserTokenPurpose, number> = {
  email_verification: 48 * 60 * 60_000,
  password_reset: 60 * 60_000,
};
const pageByPurpose: Record<UserTokenPurpose, string> = {
  email_verification: '/verify-email',
  password_reset: '/reset-password',
};
const templateByPurpose = {
  email_verification: 'verify_email',
  password_reset: 'reset_password',
} as const;

/**
 * Issues a single-use token, invalidating earlier unused ones of the same purpose, and records the
 * mail carrying its link in the outbox of the same transaction.
 */
export async function mailTokenLink(
  tx: IdentityTx,
  deps: IdentityDeps,
  user: { id: string; email: string },
  purpose: UserTokenPurpose,
) {
  const now = deps.now();
  await tx.userToken.updateMany({
    where: { userId: user.id, purpose, usedAt: null },
    data: { usedAt: now },
  });
  const token = newOpaqueToken();
  await tx.userToken.create({
    data: {
      userId: user.id,
      purpose,
      tokenHash: hashOpaqueToken(token),
      expiresAt: new Date(now.getTime() + lifetimeMs[purpose]),
    },
  });
  const link = new URL(pageByPurpose[purpose], deps.landingUrl);
  link.searchParams.set('token', token);
  await recordEvent(tx, 'identity.email_requested', {
    to: user.email,
    template: templateByPurpose[purpose],
    link: link.toString(),
  });
}

/** Marks a presented token used and returns its user id, or undefined if it is unknown, used or expired. */
export async function redeemToken(
  tx: IdentityTx,
  deps: IdentityDeps,
  token: string,
  purpose: UserTokenPurpose,
) {
  const now = deps.now();
  const redeemed = await tx.userToken.updateManyAndReturn({
    where: { tokenHash: hashOpaqueToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true },
  });
  return redeemed[0]?.userId;
}
