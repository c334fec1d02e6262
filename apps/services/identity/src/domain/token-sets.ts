import { randomUUID } from 'node:crypto';
import { DomainError } from '@gametriggers/trpc';
import type { IdentityTx } from '../database';
import type { UserWithAdmin } from './user-with-admin';
import { permissionsOf } from './user-with-admin';
import type { IdentityDeps } from './deps';
import { hashOpaqueToken, newOpaqueToken } from './opaque-tokens';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

async function createRefreshToken(
  tx: IdentityTx,
  deps: IdentityDeps,
  userId: string,
  familyId: string,
) {
  const token = newOpaqueToken();
  const expiresAt = new Date(deps.now().getTime() + REFRESH_TOKEN_TTL_MS);
  await tx.refreshToken.create({
    data: { userId, familyId, tokenHash: hashOpaqueToken(token), expiresAt },
  });
  return { token, expiresAt };
}

export const accountSuspended = () =>
  new DomainError(
    'forbidden',
    'account_suspended',
    'This account is suspended, so it cannot sign in. Contact support@gametriggers.com if you think this is a mistake.',
  );

/** An access token and a refresh token (a new family unless one is given), plus the user. */
export async function issueTokenSet(
  tx: IdentityTx,
  deps: IdentityDeps,
  user: UserWithAdmin,
  familyId: string = randomUUID(),
) {
  if (!user.isActive) throw accountSuspended();
  const permissions = permissionsOf(user.admin);
  const access = await deps.keys.signAccessToken({
    sub: user.id,
    email: user.email,
    role: user.role,
    adminRole: user.admin?.adminRole,
    permissions,
    // The refresh-token family is the session: it survives rotation, and ending it ends the session.
    sid: familyId,
  });
  const refresh = await createRefreshToken(tx, deps, user.id, familyId);
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refresh.expiresAt,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      adminRole: user.admin?.adminRole ?? undefined,
      permissions,
    },
  };
}
export type TokenSet = Awaited<ReturnType<typeof issueTokenSet>>;

async function revokeFamily(
  tx: Pick<IdentityTx, 'refreshToken'>,
  familyId: string,
  reason: string,
  at: Date,
) {
  await tx.refreshToken.updateMany({
    where: { familyId, revokedAt: null },
    data: { revokedAt: at, revokedReason: reason },
  });
}

const invalidRefresh = () =>
  new DomainError(
    'unauthenticated',
    'refresh_token_invalid',
    'Your session has ended. Sign in again.',
  );

/**
 * Rotates a refresh token. Presenting one that was already rotated (outside the leeway) means it
 * was copied: the whole family is revoked and everyone holding it must sign in again.
 */
export async function refreshTokenSet(deps: IdentityDeps, presented: string): Promise<TokenSet> {
  const now = deps.now();
  const outcome = await deps.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "RefreshToken" WHERE "tokenHash" = ${hashOpaqueToken(presented)} FOR UPDATE`;
    if (!row) return { error: invalidRefresh() };
    const stored = await tx.refreshToken.findUniqueOrThrow({
      where: { id: row.id },
      include: { user: { include: { admin: true } } },
    });
    // The holder of a suspended account's session is told why it ended, as at sign-in: the
    // portal then shows it on the sign-in page.
    if (!stored.user.isActive) return { error: accountSuspended() };
    if (stored.revokedAt || stored.expiresAt <= now) return { error: invalidRefresh() };
    if (stored.rotatedAt) {
      if (now.getTime() - stored.rotatedAt.getTime() <= deps.refreshReuseLeewayMs) {
        return { tokens: await issueTokenSet(tx, deps, stored.user, stored.familyId) };
      }
      await revokeFamily(tx, stored.familyId, 'reuse_detected', now);
      return {
        error: new DomainError(
          'unauthenticated',
          'refresh_token_reused',
          'This session was used from somewhere else, so we signed it out everywhere. Sign in again.',
        ),
      };
    }
    await tx.refreshToken.update({ where: { id: stored.id }, data: { rotatedAt: now } });
    return { tokens: await issueTokenSet(tx, deps, stored.user, stored.familyId) };
  });
  // The revocation must commit even though the caller gets an error.
  if (outcome.error) throw outcome.error;
  return outcome.tokens;
}

export async function logout(deps: IdentityDeps, presented: string): Promise<void> {
  const stored = await deps.db.refreshToken.findUnique({
    where: { tokenHash: hashOpaqueToken(presented) },
  });
  if (stored) await revokeFamily(deps.db, stored.familyId, 'logout', deps.now());
}
