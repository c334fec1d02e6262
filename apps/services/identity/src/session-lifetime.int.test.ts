import { failure } from '@gametriggers/testing';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityHarness } from './testing/identity-harness';
import { startIdentityHarness } from './testing/identity-harness';

/**
 * A session outlives its access tokens by refreshing: tabs and portals sharing one session refresh
 * the same token at the same moment, and that must never look like theft. The clock is injected
 * and fixed; each test moves it by hand.
 */
const START = Date.parse('2026-03-02T09:00:00.000Z');
const LEEWAY_MS = 10_000;
let nowMs = START;
let harness: IdentityHarness;

beforeAll(async () => {
  harness = await startIdentityHarness({
    now: () => new Date(nowMs),
    refreshReuseLeewayMs: LEEWAY_MS,
    ACCESS_TOKEN_TTL_SECONDS: 5,
  });
});
afterAll(() => harness.close());

let counter = 0;
async function signIn() {
  counter += 1;
  const email = `tabs.${counter}@example.com`;
  const password = 'a strong password 1';
  const anon = harness.client();
  await anon.identity.register.mutate({ email, password, role: 'brand' });
  const token = await harness.linkTokenFor(email, 'email_verification');
  await anon.identity.verifyEmail.mutate({ token });
  return anon.identity.login.mutate({ email, password });
}

const refresh = (refreshToken: string) =>
  harness.client().identity.refresh.mutate({ refreshToken });

describe('access-token lifetime', () => {
  it('follows ACCESS_TOKEN_TTL_SECONDS', async () => {
    nowMs = START;
    const session = await signIn();
    expect(session.accessTokenExpiresAt.getTime()).toBe(START + 5_000);
    const claims = decodeJwt(session.accessToken);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(5);

    nowMs = START + 60_000;
    const next = await refresh(session.refreshToken);
    expect(next.accessTokenExpiresAt.getTime()).toBe(START + 65_000);
  });
});

describe('refresh-token reuse grace window', () => {
  it('gives tabs refreshing the same token together valid pairs of the same session', async () => {
    nowMs = START;
    const session = await signIn();
    const racing = await Promise.all([1, 2, 3, 4].map(() => refresh(session.refreshToken)));
    const successors = new Set(racing.map((pair) => pair.refreshToken));
    expect(successors.size).toBe(4);

    // Each successor lives on: nothing was revoked.
    nowMs = START + 60_000;
    for (const pair of racing) await expect(refresh(pair.refreshToken)).resolves.toBeTruthy();
  });

  it('accepts the rotated token again up to the end of the window', async () => {
    nowMs = START;
    const session = await signIn();
    const first = await refresh(session.refreshToken);
    nowMs = START + LEEWAY_MS;
    const late = await refresh(session.refreshToken);
    expect(late.user.id).toBe(first.user.id);
    await expect(refresh(first.refreshToken)).resolves.toBeTruthy();
    await expect(refresh(late.refreshToken)).resolves.toBeTruthy();
  });

  it('revokes the whole session when the rotated token comes back after the window', async () => {
    nowMs = START;
    const session = await signIn();
    const first = await refresh(session.refreshToken);
    nowMs = START + LEEWAY_MS + 1;
    expect(await failure(refresh(session.refreshToken))).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'refresh_token_reused',
    });
    expect(await failure(refresh(first.refreshToken))).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'refresh_token_invalid',
    });
  });
});
