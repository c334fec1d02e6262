import { DomainError } from '@gametriggers/trpc';
import type { IdentityTx } from '../database';
import type { AdminProfile, SignInChallenge } from '../generated/prisma/client';
import type { IdentityDeps } from './deps';
import { hashOpaqueToken, newOpaqueToken } from './opaque-tokens';

/** Long enough to open an authenticator app (or scan a QR code), short enough to be useless later. */
export const SIGN_IN_CHALLENGE_TTL_MS = 10 * 60_000;

export interface OpenedChallenge {
  challengeToken: string;
  challengeExpiresAt: Date;
  purpose: SignInChallenge['purpose'];
}

/** After a correct admin password: the challenge for the second step (enrolment if none yet). */
export async function openSignInChallenge(
  tx: IdentityTx,
  deps: Pick<IdentityDeps, 'now'>,
  userId: string,
  admin: AdminProfile,
): Promise<OpenedChallenge> {
  const challengeToken = newOpaqueToken();
  const purpose = admin.twoFactorEnabled ? 'second_factor' : 'enrolment';
  const challengeExpiresAt = new Date(deps.now().getTime() + SIGN_IN_CHALLENGE_TTL_MS);
  await tx.signInChallenge.create({
    data: {
      userId,
      purpose,
      tokenHash: hashOpaqueToken(challengeToken),
      expiresAt: challengeExpiresAt,
    },
  });
  return { challengeToken, challengeExpiresAt, purpose };
}

/**
 * The password step's answer to an admin: no tokens yet. `reason` says which second step comes
 * next; `details` carries the challenge token for it (Firebase's multi-factor sign-in works alike).
 */
export function secondFactorRequired(challenge: OpenedChallenge): DomainError {
  const details = {
    challengeToken: challenge.challengeToken,
    challengeExpiresAt: challenge.challengeExpiresAt.toISOString(),
  };
  return challenge.purpose === 'enrolment'
    ? new DomainError(
        'unauthenticated',
        'two_factor_enrolment_required',
        'Admins sign in with an authenticator app. Set one up to continue.',
        details,
      )
    : new DomainError(
        'unauthenticated',
        'second_factor_required',
        'Enter the 6-digit code from your authenticator app, or a recovery code.',
        details,
      );
}

const challengeEnded = () =>
  new DomainError(
    'unauthenticated',
    'sign_in_challenge_invalid',
    'This sign-in has expired or was already used. Sign in again with your password.',
  );

/** The live challenge a token names, locked for the rest of the transaction. */
export async function liveChallenge(
  tx: IdentityTx,
  deps: Pick<IdentityDeps, 'now'>,
  challengeToken: string,
  purpose?: SignInChallenge['purpose'],
) {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "SignInChallenge" WHERE "tokenHash" = ${hashOpaqueToken(challengeToken)} FOR UPDATE`;
  if (!row) throw challengeEnded();
  const challenge = await tx.signInChallenge.findUniqueOrThrow({
    where: { id: row.id },
    include: { user: { include: { admin: true } } },
  });
  if (challenge.usedAt || challenge.expiresAt <= deps.now()) throw challengeEnded();
  if (purpose && challenge.purpose !== purpose) throw challengeEnded();
  if (!challenge.user.admin) throw challengeEnded();
  return { ...challenge, admin: challenge.user.admin };
}
