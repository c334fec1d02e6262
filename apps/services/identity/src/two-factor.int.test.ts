import { totpCode } from '@gametriggers/tokens/totp';
import { adminChallenge, enrolAdmin, failure, fixedClock, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness } from './testing/identity-harness';
import { rootAdmin } from './testing/identity-people';

const clock = fixedClock(testInstants.newYorkAfternoon);
let harness: IdentityHarness;
let superAdminToken: string;

beforeAll(async () => {
  harness = await startIdentityHarness({ now: clock.now });
  superAdminToken = (await harness.people.signInRootAdmin()).token;
});
afterAll(() => harness?.close());

const as = (accessToken: string) => harness.people.as(accessToken);
/** A new moderator (no authenticator yet), created by the super admin. */
const newAdmin = () => harness.people.createdAdmin(superAdminToken);

const nextStep = () => clock.advance(30_000);

describe('admin sign-in with a second factor', { timeout: 120_000 }, () => {
  it('gives an admin a challenge, not tokens, for a correct password', async () => {
    const refusal = await failure(
      harness
        .client()
        .identity.login.mutate({ email: rootAdmin.email, password: rootAdmin.password }),
    );
    expect(refusal).toMatchObject({ code: 'UNAUTHORIZED', reason: 'second_factor_required' });
    expect(refusal.details?.challengeToken).toEqual(expect.any(String));
  });

  it('makes an admin without an authenticator enrol one: QR code, first code, recovery codes', async () => {
    const admin = await newAdmin();
    const challengeToken = await adminChallenge(
      harness.client(),
      admin,
      'two_factor_enrolment_required',
    );
    expect(
      await failure(harness.client().identity.twoFactor.completeSignIn.mutate({ challengeToken })),
    ).toMatchObject({ reason: 'two_factor_enrolment_required' });

    const enrolment = await harness
      .client()
      .identity.twoFactor.startEnrolment.mutate({ challengeToken });
    expect(enrolment.qrCodeSvg).toMatch(/^<svg/);
    expect(enrolment.otpauthUri).toBe(
      `otpauth://totp/Gametriggers%3A${encodeURIComponent(admin.email)}?secret=${enrolment.secret}&issuer=Gametriggers&algorithm=SHA1&digits=6&period=30`,
    );
    const wrong = await failure(
      harness
        .client()
        .identity.twoFactor.confirmEnrolment.mutate({ challengeToken, code: '000000' }),
    );
    expect(wrong).toMatchObject({ reason: 'second_factor_invalid' });

    const { recoveryCodes } = await harness.client().identity.twoFactor.confirmEnrolment.mutate({
      challengeToken,
      code: totpCode(enrolment.secret, clock.now()),
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const session = await harness
      .client()
      .identity.twoFactor.completeSignIn.mutate({ challengeToken });
    expect(session.user).toMatchObject({ email: admin.email, adminRole: 'moderator' });

    // Single use: the challenge is spent.
    expect(
      await failure(harness.client().identity.twoFactor.completeSignIn.mutate({ challengeToken })),
    ).toMatchObject({ reason: 'sign_in_challenge_invalid' });

    // The secret is kept encrypted, bound to the admin; the recovery codes only as hashes.
    const profile = await harness.service.deps.db.adminProfile.findUniqueOrThrow({
      where: { userId: admin.userId },
    });
    expect(profile.twoFactorEnabled).toBe(true);
    expect(profile.totpSecret).toMatch(/^v1\.dev1\./);
    expect(profile.totpSecret).not.toContain(enrolment.secret);
    const stored = await harness.service.deps.db.recoveryCode.findMany({
      where: { userId: admin.userId },
    });
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
  });

  it('refuses a code used once already (no replay), and a wrong one', async () => {
    const admin = await newAdmin();
    const { totpSecret } = await enrolAdmin(harness.client(), admin, clock.now);
    nextStep();
    const code = totpCode(totpSecret, clock.now());
    const first = await adminChallenge(harness.client(), admin);
    await harness
      .client()
      .identity.twoFactor.completeSignIn.mutate({ challengeToken: first, code });

    const second = await adminChallenge(harness.client(), admin);
    expect(
      await failure(
        harness.client().identity.twoFactor.completeSignIn.mutate({ challengeToken: second, code }),
      ),
    ).toMatchObject({ code: 'UNAUTHORIZED', reason: 'second_factor_replayed' });
    expect(
      await failure(
        harness
          .client()
          .identity.twoFactor.completeSignIn.mutate({ challengeToken: second, code: '123456' }),
      ),
    ).toMatchObject({ reason: 'second_factor_invalid' });
    // The next code still works on the same challenge.
    nextStep();
    await expect(
      harness.client().identity.twoFactor.completeSignIn.mutate({
        challengeToken: second,
        code: totpCode(totpSecret, clock.now()),
      }),
    ).resolves.toMatchObject({ user: { email: admin.email } });
  });

  it('accepts each recovery code once', async () => {
    const admin = await newAdmin();
    const { recoveryCodes } = await enrolAdmin(harness.client(), admin, clock.now);
    const code = recoveryCodes[3] ?? '';
    const first = await adminChallenge(harness.client(), admin);
    await expect(
      harness.client().identity.twoFactor.completeSignIn.mutate({
        challengeToken: first,
        code: code.toUpperCase(),
      }),
    ).resolves.toMatchObject({ user: { email: admin.email } });
    const second = await adminChallenge(harness.client(), admin);
    expect(
      await failure(
        harness.client().identity.twoFactor.completeSignIn.mutate({ challengeToken: second, code }),
      ),
    ).toMatchObject({ reason: 'second_factor_invalid' });
    const status = await as(
      (
        await harness.client().identity.twoFactor.completeSignIn.mutate({
          challengeToken: second,
          code: recoveryCodes[4] ?? '',
        })
      ).accessToken,
    ).identity.twoFactor.status.query();
    expect(status).toEqual({ enabled: true, recoveryCodesLeft: 8 });
  });

  it('locks the account after five wrong codes in a row, like wrong passwords', async () => {
    const admin = await newAdmin();
    const { totpSecret } = await enrolAdmin(harness.client(), admin, clock.now);
    nextStep();
    const challengeToken = await adminChallenge(harness.client(), admin);
    const wrong = () =>
      harness.client().identity.twoFactor.completeSignIn.mutate({ challengeToken, code: '999999' });
    for (let attempt = 1; attempt < 5; attempt += 1) {
      expect(await failure(wrong())).toMatchObject({ reason: 'second_factor_invalid' });
    }
    expect(await failure(wrong())).toMatchObject({ reason: 'account_locked' });
    expect(
      await failure(
        harness.client().identity.twoFactor.completeSignIn.mutate({
          challengeToken,
          code: totpCode(totpSecret, clock.now()),
        }),
      ),
    ).toMatchObject({ reason: 'account_locked' });
    const user = await harness.service.deps.db.user.findUniqueOrThrow({
      where: { id: admin.userId },
    });
    expect(user.failedLoginCount).toBe(5);
  });

  it('lets a super admin reset an admin’s two-factor: audited, sessions ended, enrol again', async () => {
    const admin = await newAdmin();
    const { tokens } = await enrolAdmin(harness.client(), admin, clock.now);
    await as(superAdminToken).identity.admin.resetTwoFactor.mutate({
      userId: admin.userId,
      reason: 'Lost their phone on a train',
    });
    expect(
      await failure(
        harness.client().identity.refresh.mutate({ refreshToken: tokens.refreshToken }),
      ),
    ).toMatchObject({ reason: 'refresh_token_invalid' });
    await adminChallenge(harness.client(), admin, 'two_factor_enrolment_required');
    const audit = await harness.service.deps.db.outboxEvent.findFirst({
      where: {
        type: 'admin.action_recorded',
        payload: { path: ['action'], equals: 'identity.admin.reset_two_factor' },
      },
    });
    expect(audit?.payload).toMatchObject({
      subject: { type: 'admin', id: admin.userId },
      reason: 'Lost their phone on a train',
      before: { twoFactorEnabled: true },
      after: { twoFactorEnabled: false },
    });
  });

  it('regenerates recovery codes against a current code; the old ones stop working', async () => {
    const admin = await newAdmin();
    const { tokens, totpSecret, recoveryCodes } = await enrolAdmin(
      harness.client(),
      admin,
      clock.now,
    );
    nextStep();
    const fresh = await as(tokens.accessToken).identity.twoFactor.regenerateRecoveryCodes.mutate({
      code: totpCode(totpSecret, clock.now()),
    });
    expect(fresh.recoveryCodes).toHaveLength(10);
    const challengeToken = await adminChallenge(harness.client(), admin);
    expect(
      await failure(
        harness.client().identity.twoFactor.completeSignIn.mutate({
          challengeToken,
          code: recoveryCodes[0] ?? '',
        }),
      ),
    ).toMatchObject({ reason: 'second_factor_invalid' });
  });

  it('brands and streamers sign in with their password alone', async () => {
    const brand = { email: 'brand@example.com', password: 'a strong password 3' };
    await harness.people.seed({ ...brand, name: 'Brand', role: 'brand' });
    await expect(harness.client().identity.login.mutate(brand)).resolves.toMatchObject({
      user: { role: 'brand' },
    });
  });
});
