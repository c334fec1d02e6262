import { TOTP_STEP_SECONDS, totpCode } from '@gametriggers/tokens/totp';
import { errorOf, failure } from './call-failures';

/** An admin whose authenticator secret the fixture knows (seeded with `totpSecret`). */
export interface AdminCredentials {
  email: string;
  password: string;
  totpSecret: string;
}

/** The identity procedures an admin sign-in goes through, as any tRPC client of ours has them. */
export interface AdminSignInClient<Tokens> {
  identity: {
    login: { mutate(input: { email: string; password: string }): Promise<unknown> };
    twoFactor: {
      startEnrolment: {
        mutate(input: { challengeToken: string }): Promise<{ secret: string }>;
      };
      confirmEnrolment: {
        mutate(input: { challengeToken: string; code: string }): Promise<{
          recoveryCodes: string[];
        }>;
      };
      completeSignIn: {
        mutate(input: { challengeToken: string; code?: string }): Promise<Tokens>;
      };
    };
  };
}

/** The challenge token an admin's correct password earns (the refusal `reason` says which). */
export async function adminChallenge(
  client: AdminSignInClient<unknown>,
  person: { email: string; password: string },
  expected: 'second_factor_required' | 'two_factor_enrolment_required' = 'second_factor_required',
): Promise<string> {
  const refusal = await failure(client.identity.login.mutate(person));
  const challengeToken = refusal.details?.challengeToken;
  if (refusal.reason !== expected || typeof challengeToken !== 'string') {
    throw new Error(
      `Expected ${expected} for ${person.email}, got ${refusal.reason ?? refusal.message}`,
    );
  }
  return challengeToken;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Signs an enrolled admin in with the code of their known secret. A code is good once, so when
 * this admin just signed in the next step's code is tried, and then (on a real clock) the next step
 * is waited for.
 */
export async function signInAdminWithTotp<Tokens>(
  client: AdminSignInClient<Tokens>,
  admin: AdminCredentials,
  now: () => Date = () => new Date(),
): Promise<Tokens> {
  const challengeToken = await adminChallenge(client, admin);
  const stepMs = TOTP_STEP_SECONDS * 1000;
  for (let attempt = 0; ; attempt += 1) {
    const at = new Date(now().getTime() + (attempt === 0 ? 0 : stepMs));
    try {
      return await client.identity.twoFactor.completeSignIn.mutate({
        challengeToken,
        code: totpCode(admin.totpSecret, at),
      });
    } catch (error) {
      const refusal = errorOf(error);
      if (refusal.reason !== 'second_factor_replayed' || attempt >= 2) throw error;
      if (attempt === 1) await sleep(stepMs - (now().getTime() % stepMs) + 50);
    }
  }
}

/** A new admin's first sign-in: enrols an authenticator, returning its secret and recovery codes. */
export async function enrolAdmin<Tokens>(
  client: AdminSignInClient<Tokens>,
  person: { email: string; password: string },
  now: () => Date = () => new Date(),
) {
  const challengeToken = await adminChallenge(client, person, 'two_factor_enrolment_required');
  const { secret } = await client.identity.twoFactor.startEnrolment.mutate({ challengeToken });
  const { recoveryCodes } = await client.identity.twoFactor.confirmEnrolment.mutate({
    challengeToken,
    code: totpCode(secret, now()),
  });
  const tokens = await client.identity.twoFactor.completeSignIn.mutate({ challengeToken });
  return { tokens, totpSecret: secret, recoveryCodes };
}
