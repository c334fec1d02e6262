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
 * Spends a code of this authenticator secret that has not been used yet. A code is good once, and
 * the server accepts the next step's code early, so a sign-in just before may have spent the current
 * step's code or the next one's: the current code is tried, then the next step's, then (on a real
 * clock) the next step is waited for and its successor's code tried. `submit` answers `replayed`
 * when the server refused the code as already used.
 */
export async function spendFreshTotpCode<Result>(
  totpSecret: string,
  submit: (code: string) => Promise<Result | 'replayed'>,
  now: () => Date = () => new Date(),
): Promise<Result> {
  const stepMs = TOTP_STEP_SECONDS * 1000;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (attempt === 2) await sleep(stepMs - (now().getTime() % stepMs) + 50);
    const at = new Date(now().getTime() + (attempt === 0 ? 0 : stepMs));
    const outcome = await submit(totpCode(totpSecret, at));
    if (outcome !== 'replayed') return outcome;
  }
  throw new Error('Every authenticator code tried was already used.');
}

/** Signs an enrolled admin in with the code of their known secret (see `spendFreshTotpCode`). */
export async function signInAdminWithTotp<Tokens>(
  client: AdminSignInClient<Tokens>,
  admin: AdminCredentials,
  now: () => Date = () => new Date(),
): Promise<Tokens> {
  const challengeToken = await adminChallenge(client, admin);
  return spendFreshTotpCode(
    admin.totpSecret,
    async (code) => {
      try {
        return await client.identity.twoFactor.completeSignIn.mutate({ challengeToken, code });
      } catch (error) {
        if (errorOf(error).reason === 'second_factor_replayed') return 'replayed';
        throw error;
      }
    },
    now,
  );
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
