import { itFuzzesEveryProcedure, signInAdminWithTotp } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness, testServiceSecret } from './testing/identity-harness';

/** A real account of `role` (made the way the devstack seeds them), signed in. */
async function signedIn(
  harness: IdentityHarness,
  role: 'brand' | 'streamer' | 'admin',
  label: string,
  now: Date,
) {
  const token = await signServiceToken(testServiceSecret, 'devstack');
  const service = harness.client(() => ({ 'x-service-token': token }));
  const account = {
    email: `${label}@fuzz.example.com`,
    password: 'a strong password 1',
    name: label,
    role,
    ...(role === 'admin' ? { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } : {}),
  };
  await service.identity.seedDemoUser.mutate(account);
  if (account.totpSecret) {
    const admin = { ...account, totpSecret: account.totpSecret };
    return (await signInAdminWithTotp(harness.client(), admin, () => now)).accessToken;
  }
  const session = await harness
    .client()
    .identity.login.mutate({ email: account.email, password: account.password });
  return session.accessToken;
}

// Identity issues its own tokens, so its callers are real accounts, not the test issuer's cast.
itFuzzesEveryProcedure({
  service: 'identity',
  start: async ({ now }) => {
    const harness = await startIdentityHarness({ now: () => now });
    return {
      harness,
      close: () => harness.close(),
      // A refused sign-in counts the failed attempt on the account (lockout).
      refusalsMayWrite: ['User:UPDATE'],
      callers: {
        brand: [
          await signedIn(harness, 'brand', 'brand-a', now),
          await signedIn(harness, 'brand', 'brand-b', now),
        ],
        streamer: [
          await signedIn(harness, 'streamer', 'streamer-a', now),
          await signedIn(harness, 'streamer', 'streamer-b', now),
        ],
        admin: await signedIn(harness, 'admin', 'super-admin', now),
      },
    };
  },
});
