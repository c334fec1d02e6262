import { randomUUID } from 'node:crypto';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityTx } from '../database';
import type { UserRole, UserTokenPurpose } from '../generated/prisma/client';
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
const eventByPurpose = {
  email_verification: 'user.email_verification_requested',
  password_reset: 'user.password_reset_requested',
} as const;

/** Bound into each sealed token, so a sealed value copied to another row does not open. */
const sealContext = (tokenId: string) => `user-token:${tokenId}`;

/**
 * Issues a single-use token, invalidating earlier unused ones of the same purpose, and asks for the
 * mail carrying its link through the outbox of the same transaction. The event names the token
 * (`linkId`), never the token itself: the notification service fetches the link when it sends the
 * mail (`mailLinkFor`), so outbox rows, queues and dead letters hold nothing that opens an account.
 */
export async function mailTokenLink(
  tx: IdentityTx,
  deps: IdentityDeps,
  user: { id: string; email: string; role: UserRole },
  purpose: UserTokenPurpose,
) {
  const now = deps.now();
  await tx.userToken.updateMany({
    where: { userId: user.id, purpose, usedAt: null },
    data: { usedAt: now, sealedToken: null },
  });
  const token = newOpaqueToken();
  const expiresAt = new Date(now.getTime() + lifetimeMs[purpose]);
  const id = randomUUID();
  await tx.userToken.create({
    data: {
      id,
      userId: user.id,
      purpose,
      tokenHash: hashOpaqueToken(token),
      sealedToken: deps.secrets.encrypt(token, sealContext(id)),
      expiresAt,
    },
  });
  await recordEvent(tx, eventByPurpose[purpose], {
    userId: user.id,
    email: user.email,
    role: user.role,
    linkId: id,
    expiresAt: expiresAt.toISOString(),
  });
}

export interface MailLink {
  purpose: UserTokenPurpose;
  /** The address the link was issued for. */
  email: string;
  link: string;
  expiresAt: Date;
}

/**
 * The link a mail must carry, for the service sending it: only while the token can still be used
 * (not used, replaced or expired), so a late mail never carries a dead link, nor a live one after
 * the person has moved on. Anything else is `link_unavailable`, alike.
 */
export async function mailLinkFor(deps: IdentityDeps, linkId: string): Promise<MailLink> {
  const row = await deps.db.userToken.findUnique({ where: { id: linkId }, include: { user: true } });
  if (!row?.sealedToken || row.usedAt || row.expiresAt <= deps.now()) {
    throw new DomainError('not_found', 'link_unavailable', 'This link was used, replaced or has expired.');
  }
  const link = new URL(pageByPurpose[row.purpose], deps.landingUrl);
  link.searchParams.set('token', deps.secrets.decrypt(row.sealedToken, sealContext(row.id)));
  return { purpose: row.purpose, email: row.user.email, link: link.toString(), expiresAt: row.expiresAt };
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
    data: { usedAt: now, sealedToken: null },
    select: { userId: true },
  });
  return redeemed[0]?.userId;
}
