import { randomBytes } from 'node:crypto';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction } from '@gametriggers/events';
import { base32Encode, matchTotpStep, newTotpSecret, otpauthUri } from '@gametriggers/tokens/totp';
import { DomainError } from '@gametriggers/trpc';
import QRCode from 'qrcode';
import type { IdentityTx } from '../database';
import type { IdentityDeps } from './deps';
import { afterSuccessfulLogin } from './lockout';
import { assertMaySignIn, countFailedSignIn } from './login';
import { hashOpaqueToken } from './opaque-tokens';
import { liveChallenge } from './sign-in-challenges';
import type { TokenSet } from './token-sets';
import { issueTokenSet } from './token-sets';

export const RECOVERY_CODE_COUNT = 10;
const TOTP_CODE = /^\d{6}$/;

/** The SecretBox context that binds an encrypted TOTP secret to its admin. */
export const totpSecretContext = (userId: string) => `totp:${userId}`;

/** Recovery codes as people type them: case, spaces and the dash do not matter. */
function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

/** Replaces the admin's recovery codes; returns the new ones, the only time they are readable. */
async function issueRecoveryCodes(tx: IdentityTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashOpaqueToken(normalizeRecoveryCode(code)) })),
  });
  return codes;
}

const wrongCode = () =>
  new DomainError(
    'unauthenticated',
    'second_factor_invalid',
    'That code is not right. Check the time on your phone and try the newest code, or use a recovery code.',
  );
const replayedCode = () =>
  new DomainError(
    'unauthenticated',
    'second_factor_replayed',
    'That code was already used. Wait for the next code in your authenticator app.',
  );

type CodeCheck = 'accepted' | 'wrong' | 'replayed';

/**
 * Checks a TOTP or recovery code and spends it. The conditional updates keep it race-safe: two
 * sign-ins with one code, or one recovery code, cannot both succeed.
 */
async function spendSecondFactor(
  tx: IdentityTx,
  deps: Pick<IdentityDeps, 'secrets' | 'now'>,
  admin: { userId: string; totpSecret: string | null },
  code: string,
): Promise<CodeCheck> {
  const now = deps.now();
  if (TOTP_CODE.test(code)) {
    if (!admin.totpSecret) return 'wrong';
    const secret = deps.secrets.decrypt(admin.totpSecret, totpSecretContext(admin.userId));
    const step = matchTotpStep(secret, code, now);
    if (step === null) return 'wrong';
    const spent = await tx.adminProfile.updateMany({
      where: {
        userId: admin.userId,
        OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }],
      },
      data: { totpLastUsedStep: step },
    });
    return spent.count === 1 ? 'accepted' : 'replayed';
  }
  const spent = await tx.recoveryCode.updateMany({
    where: {
      userId: admin.userId,
      codeHash: hashOpaqueToken(normalizeRecoveryCode(code)),
      usedAt: null,
    },
    data: { usedAt: now },
  });
  return spent.count === 1 ? 'accepted' : 'wrong';
}

/** Counts a wrong or replayed code like a wrong password, then refuses it. */
async function refuseCode(
  deps: IdentityDeps,
  userId: string,
  check: CodeCheck | undefined,
): Promise<never> {
  await countFailedSignIn(deps, userId, deps.now());
  throw check === 'replayed' ? replayedCode() : wrongCode();
}

/** Enrolment, step 1: a new secret for the challenge, as text and as a QR code to scan. */
export async function startEnrolment(deps: IdentityDeps, challengeToken: string) {
  const enrolment = await deps.db.$transaction(async (tx) => {
    const challenge = await liveChallenge(tx, deps, challengeToken, 'enrolment');
    assertMaySignIn(challenge.user, deps.now());
    if (challenge.confirmedAt) {
      throw new DomainError(
        'conflict',
        'two_factor_already_enrolled',
        'Your authenticator is already set up. Continue to sign in.',
      );
    }
    const secret = newTotpSecret();
    await tx.signInChallenge.update({
      where: { id: challenge.id },
      data: { pendingSecret: deps.secrets.encrypt(secret, totpSecretContext(challenge.userId)) },
    });
    return { secret, account: challenge.user.email };
  });
  const uri = otpauthUri({
    secret: enrolment.secret,
    account: enrolment.account,
    issuer: deps.totpIssuer,
  });
  return {
    secret: enrolment.secret,
    otpauthUri: uri,
    qrCodeSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  };
}

/**
 * Enrolment, step 2: the first code proves the app holds the secret. Turns two-factor on and
 * returns the recovery codes (shown once); the challenge then completes sign-in without a code.
 */
export async function confirmEnrolment(
  deps: IdentityDeps,
  input: { challengeToken: string; code: string },
): Promise<{ recoveryCodes: string[] }> {
  const outcome = await deps.db.$transaction(async (tx) => {
    const challenge = await liveChallenge(tx, deps, input.challengeToken, 'enrolment');
    assertMaySignIn(challenge.user, deps.now());
    if (!challenge.pendingSecret || challenge.confirmedAt) {
      throw new DomainError(
        'precondition_failed',
        'two_factor_enrolment_not_started',
        'Start setting up your authenticator first: scan the QR code, then enter its code.',
      );
    }
    const secret = deps.secrets.decrypt(
      challenge.pendingSecret,
      totpSecretContext(challenge.userId),
    );
    const step = TOTP_CODE.test(input.code) ? matchTotpStep(secret, input.code, deps.now()) : null;
    if (step === null) return { refused: 'wrong' as const, userId: challenge.userId };
    await tx.adminProfile.update({
      where: { userId: challenge.userId },
      data: { twoFactorEnabled: true, totpSecret: challenge.pendingSecret, totpLastUsedStep: step },
    });
    await tx.signInChallenge.update({
      where: { id: challenge.id },
      data: { pendingSecret: null, confirmedAt: deps.now() },
    });
    return { recoveryCodes: await issueRecoveryCodes(tx, challenge.userId) };
  });
  if (!outcome.recoveryCodes) return refuseCode(deps, outcome.userId, outcome.refused);
  return { recoveryCodes: outcome.recoveryCodes };
}

/** The second step of an admin sign-in: a code (or a just-confirmed enrolment) earns the tokens. */
export async function completeSignIn(
  deps: IdentityDeps,
  input: { challengeToken: string; code?: string | undefined },
): Promise<TokenSet> {
  const outcome = await deps.db.$transaction(async (tx) => {
    const now = deps.now();
    const challenge = await liveChallenge(tx, deps, input.challengeToken);
    assertMaySignIn(challenge.user, now);
    if (challenge.purpose === 'enrolment' && !challenge.confirmedAt) {
      throw new DomainError(
        'precondition_failed',
        'two_factor_enrolment_required',
        'Set up your authenticator app first.',
      );
    }
    if (challenge.purpose === 'second_factor') {
      if (!input.code) {
        throw new DomainError(
          'invalid',
          'second_factor_code_required',
          'Enter the 6-digit code from your authenticator app, or a recovery code.',
        );
      }
      const check = await spendSecondFactor(tx, deps, challenge.admin, input.code);
      if (check !== 'accepted') return { refused: check, userId: challenge.userId };
    }
    await tx.signInChallenge.update({ where: { id: challenge.id }, data: { usedAt: now } });
    await tx.user.update({
      where: { id: challenge.userId },
      data: { ...afterSuccessfulLogin, lastLoginAt: now },
    });
    return { tokens: await issueTokenSet(tx, deps, challenge.user) };
  });
  if (!outcome.tokens) return refuseCode(deps, outcome.userId, outcome.refused);
  return outcome.tokens;
}

export async function twoFactorStatus(deps: IdentityDeps, userId: string) {
  const admin = await deps.db.adminProfile.findUnique({ where: { userId } });
  if (!admin) {
    throw new DomainError('not_found', 'admin_not_found', 'Only admins have two-factor settings.');
  }
  const recoveryCodesLeft = await deps.db.recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabled: admin.twoFactorEnabled, recoveryCodesLeft };
}

/** A signed-in admin's new recovery codes, against a current authenticator code. */
export async function regenerateRecoveryCodes(deps: IdentityDeps, userId: string, code: string) {
  const outcome = await deps.db.$transaction(async (tx) => {
    const admin = await tx.adminProfile.findUnique({ where: { userId } });
    const check: CodeCheck =
      admin?.twoFactorEnabled && TOTP_CODE.test(code)
        ? await spendSecondFactor(tx, deps, admin, code)
        : 'wrong';
    if (check !== 'accepted') return { refused: check };
    return { recoveryCodes: await issueRecoveryCodes(tx, userId) };
  });
  if (!outcome.recoveryCodes) return refuseCode(deps, userId, outcome.refused);
  return { recoveryCodes: outcome.recoveryCodes };
}

/**
 * A super admin turns an admin's two-factor off (a lost phone): their sessions end and their next
 * sign-in enrols a new authenticator.
 */
export async function resetTwoFactor(
  deps: IdentityDeps,
  input: { userId: string; reason: string },
  actor: AdminActor,
) {
  return deps.db.$transaction(async (tx) => {
    const admin = await tx.adminProfile.findUnique({ where: { userId: input.userId } });
    if (!admin) throw new DomainError('not_found', 'admin_not_found', 'There is no such admin.');
    const now = deps.now();
    await tx.adminProfile.update({
      where: { userId: input.userId },
      data: { twoFactorEnabled: false, totpSecret: null, totpLastUsedStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
    await tx.signInChallenge.updateMany({
      where: { userId: input.userId, usedAt: null },
      data: { usedAt: now },
    });
    await tx.refreshToken.updateMany({
      where: { userId: input.userId, revokedAt: null },
      data: { revokedAt: now, revokedReason: 'two_factor_reset' },
    });
    await recordAdminAction(tx, {
      actor,
      permission: 'canConfigureSystem',
      action: 'identity.admin.reset_two_factor',
      subject: { type: 'admin', id: input.userId },
      before: { twoFactorEnabled: admin.twoFactorEnabled },
      after: { twoFactorEnabled: false },
      reason: input.reason,
      occurredAt: now,
    });
    return { userId: input.userId, twoFactorEnabled: false };
  });
}
