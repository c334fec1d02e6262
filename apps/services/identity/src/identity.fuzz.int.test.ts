import { fuzzService, harnessTarget } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness, testServiceSecret } from './testing/identity-harness';

const now = new Date('2026-03-08T07:30:00Z');
let harness: IdentityHarness;

beforeAll(async () => {
  harness = await startIdentityHarness({ now: () => now });
});
afterAll(() => harness.close());

/** A real account of `role` (made the way the devstack seeds them), signed in. */
async function signedIn(role: 'brand' | 'streamer' | 'admin', label: string) {
  const token = await signServiceToken(testServiceSecret, 'devstack');
  const service = harness.client(() => ({ 'x-service-token': token }));
  const account = {
    email: `${label}@fuzz.example.com`,
    password: 'a strong password 1',
    name: label,
    role,
  };
  await service.identity.seedDemoUser.mutate(account);
  const session = await harness
    .client()
    .identity.login.mutate({ email: account.email, password: account.password });
  return session.accessToken;
}

it(
  'answers every procedure, whatever it is sent, without a 5xx, a hang or a refused write',
  { timeout: 600_000 },
  async () => {
    const { findings, report } = await fuzzService(
      harnessTarget('identity', harness, {
        callers: {
          brand: [await signedIn('brand', 'brand-a'), await signedIn('brand', 'brand-b')],
          streamer: [
            await signedIn('streamer', 'streamer-a'),
            await signedIn('streamer', 'streamer-b'),
          ],
          admin: await signedIn('admin', 'super-admin'),
        },
        now,
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
