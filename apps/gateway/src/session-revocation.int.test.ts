import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity-service/testing';
import type { IdentityHarness } from '@gametriggers/identity-service/testing';
import type { IdentityRouter } from '@gametriggers/identity-service/router';
import {
  createTestRedisNamespace,
  fixedClock,
  signInAdminWithTotp,
  testInstants,
} from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { newTotpSecret } from '@gametriggers/tokens/totp';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { Redis } from 'ioredis';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from './server';
import { createGateway } from './server';
import { createSessionRevocations } from './session-revocations';
import { startSessionEndConsumer } from './session-end-consumer';
import { testGatewayOptions } from './test-options';

// Real identity (its outbox relay publishes the session endings to the gateway's queue), real Redis,
// real ES256 tokens. The brand domain is a stand-in that answers 200 to whoever the gateway lets
// through, so a refusal here can only be the gateway's own.
const clock = fixedClock(testInstants.newYorkAfternoon);
const namespace = createTestRedisNamespace('gateway-revocation');
const password = 'a strong password 1';
let identity: IdentityHarness;
let redis: Redis;
let brandService: http.Server;
let gateway: RunningGateway;
let consumer: ReturnType<typeof startSessionEndConsumer>;
let adminToken: string;

function client(headers: Record<string, string> = {}) {
  return createTRPCClient<IdentityRouter>({
    links: [httpBatchLink({ url: `${gateway.url}/api/identity`, transformer: superjson, headers })],
  });
}
const asAdmin = () => client({ authorization: `Bearer ${adminToken}` });

async function seed(role: 'brand' | 'admin', email: string, totpSecret?: string) {
  const serviceToken = await signServiceToken(testServiceSecret, 'test');
  return client({ 'x-service-token': serviceToken }).identity.seedDemoUser.mutate({
    email,
    password,
    name: 'Test Person',
    role,
    ...(totpSecret ? { totpSecret } : {}),
  });
}

async function signIn(email: string) {
  return client().identity.login.mutate({ email, password });
}

/** What the gateway answers a brand-domain call with this token: the status and its reason. */
async function brandCall(token: string) {
  const response = await fetch(`${gateway.url}/api/brand/brand.profile.get`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as {
    error?: { json: { data: { reason: string }; message: string } };
  };
  const refusal = body.error?.json;
  return { status: response.status, reason: refusal?.data.reason, message: refusal?.message };
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  identity = await startIdentityHarness({ now: clock.now });
  redis = new Redis(namespace.url);
  brandService = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":{"data":{}}}');
  });
  await new Promise<void>((resolve) => brandService.listen(0, '127.0.0.1', resolve));
  const options = testGatewayOptions({
    identity,
    serviceSecret: testServiceSecret,
    redis,
    rateLimitPrefix: namespace.prefix,
    now: clock.now,
    serviceUrls: { brand: `http://127.0.0.1:${(brandService.address() as AddressInfo).port}` },
    // Generous: signing in hashes a password, slow on a loaded machine.
    overrides: { timeouts: { connectMs: 1_000, responseMs: 30_000 } },
  });
  gateway = await createGateway(options);
  // The consumer reads the queue identity's relay fills (the harness's Redis namespace).
  consumer = startSessionEndConsumer({
    redisUrl: identity.config.REDIS_URL,
    queuePrefix: identity.config.queuePrefix,
    revocations: options.revocations,
  });
  const totpSecret = newTotpSecret();
  await seed('admin', 'root@example.com', totpSecret);
  adminToken = (
    await signInAdminWithTotp(
      client(),
      { email: 'root@example.com', password, totpSecret },
      clock.now,
    )
  ).accessToken;
}, 120_000);

afterAll(async () => {
  await consumer.stop();
  await gateway.close(100);
  brandService.close();
  redis.disconnect();
  await namespace.clear();
  await identity.close();
});

describe('a suspended account at the gateway', { timeout: 120_000 }, () => {
  it('has its still-valid token refused as soon as the event is consumed; others pass; a token after reactivation passes', async () => {
    const suspended = await seed('brand', 'suspended@example.com');
    await seed('brand', 'bystander@example.com');
    const suspendedSession = await signIn('suspended@example.com');
    const suspendedToken = suspendedSession.accessToken;
    const bystanderToken = (await signIn('bystander@example.com')).accessToken;
    expect((await brandCall(suspendedToken)).status).toBe(200);

    await asAdmin().identity.users.suspend.mutate({
      userId: suspended.userId,
      reason: 'Chargeback fraud under review',
    });
    // The token has 15 minutes left on the clock, which stands still: only the list refuses it.
    const refused = await eventually(
      () => brandCall(suspendedToken),
      (answer) => answer.status === 401,
    );
    expect(refused).toMatchObject({ status: 401, reason: 'session_revoked' });
    expect(refused.message).toMatch(/suspended/);
    // On every route, identity's too: a presented token that is refused is never treated as anonymous.
    const me = await fetch(`${gateway.url}/api/identity/identity.me`, {
      headers: { authorization: `Bearer ${suspendedToken}` },
    });
    expect(me.status).toBe(401);
    // The portal then renews the session: identity refuses, saying why.
    await expect(
      client().identity.refresh.mutate({ refreshToken: suspendedSession.refreshToken }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN', reason: 'account_suspended' } });
    expect((await brandCall(bystanderToken)).status).toBe(200);
    expect((await brandCall(adminToken)).status).toBe(200);

    await asAdmin().identity.users.reactivate.mutate({
      userId: suspended.userId,
      reason: 'Chargeback resolved in their favour',
    });
    // The old session stays ended (identity revoked its refresh token too); a new sign-in works.
    expect((await brandCall(suspendedToken)).reason).toBe('session_revoked');
    clock.advance(1_000);
    const afterReactivation = (await signIn('suspended@example.com')).accessToken;
    expect((await brandCall(afterReactivation)).status).toBe(200);
  });
});

describe('a person who ends their other sessions', { timeout: 120_000 }, () => {
  const newPassword = 'an even stronger password 2';

  it('changing the password: the other device is refused at once, this one goes on', async () => {
    await seed('brand', 'changer@example.com');
    const laptop = await signIn('changer@example.com');
    const phone = await signIn('changer@example.com');
    expect((await brandCall(phone.accessToken)).status).toBe(200);

    await client({
      authorization: `Bearer ${laptop.accessToken}`,
    }).identity.account.changePassword.mutate({
      currentPassword: password,
      newPassword,
    });
    const refused = await eventually(
      () => brandCall(phone.accessToken),
      (answer) => answer.status === 401,
    );
    expect(refused).toMatchObject({ status: 401, reason: 'session_revoked' });
    expect(refused.message).toMatch(/password was changed or other devices were signed out/);
    expect((await brandCall(laptop.accessToken)).status).toBe(200);
    // The laptop's next token (same session) passes too; a new sign-in elsewhere passes.
    const renewed = await client().identity.refresh.mutate({ refreshToken: laptop.refreshToken });
    expect((await brandCall(renewed.accessToken)).status).toBe(200);
    clock.advance(1_000);
    const again = await client().identity.login.mutate({
      email: 'changer@example.com',
      password: newPassword,
    });
    expect((await brandCall(again.accessToken)).status).toBe(200);
  });

  it('"sign out of other devices": every other session is refused, this one goes on', async () => {
    await seed('brand', 'tidy@example.com');
    const desk = await signIn('tidy@example.com');
    const tablet = await signIn('tidy@example.com');
    const phone = await signIn('tidy@example.com');

    await client({
      authorization: `Bearer ${desk.accessToken}`,
    }).identity.account.signOutOtherSessions.mutate();
    for (const other of [tablet, phone]) {
      expect(
        await eventually(
          () => brandCall(other.accessToken),
          (answer) => answer.status === 401,
        ),
      ).toMatchObject({ status: 401, reason: 'session_revoked' });
    }
    expect((await brandCall(desk.accessToken)).status).toBe(200);
  });
});

describe('the revocation list', () => {
  it('keeps the latest ending whatever order its events come in, and forgets it after the retention', async () => {
    const revocations = createSessionRevocations(redis, {
      keyPrefix: `${namespace.prefix}:list`,
      retentionMs: 200,
    });
    const userId = '0b6f2a52-8c36-4d5e-9f0a-1b2c3d4e5f60';
    const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
    await revocations.revokeIssuedUpTo(userId, new Date('2026-03-01T12:10:00.500Z'));
    // A redelivered or late older suspension changes nothing.
    await revocations.revokeIssuedUpTo(userId, new Date('2026-03-01T12:00:00.000Z'));
    expect(await revocations.endingOf({ sub: userId, iat: at('2026-03-01T12:05:00Z') })).toBe(
      'account_suspended',
    );
    expect(await revocations.endingOf({ sub: userId, iat: at('2026-03-01T12:10:00Z') })).toBe(
      'account_suspended',
    );
    expect(
      await revocations.endingOf({ sub: userId, iat: at('2026-03-01T12:10:01Z') }),
    ).toBeUndefined();
    expect(
      await revocations.endingOf({
        sub: '9a1e2b3c-4d5e-4f60-8a7b-6c5d4e3f2a10',
        iat: at('2026-03-01T12:05:00Z'),
      }),
    ).toBeUndefined();
    await eventually(
      () => revocations.endingOf({ sub: userId, iat: at('2026-03-01T12:05:00Z') }),
      (revoked) => !revoked,
    );
    expect(
      await revocations.endingOf({ sub: userId, iat: at('2026-03-01T12:05:00Z') }),
    ).toBeUndefined();
  });
  it('ends the other sessions but the kept one, keeping the latest ending', async () => {
    const revocations = createSessionRevocations(redis, {
      keyPrefix: `${namespace.prefix}:others`,
      retentionMs: 60_000,
    });
    const userId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    const kept = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
    const other = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
    const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
    const before = at('2026-03-01T12:05:00Z');
    await revocations.revokeOtherSessionsUpTo(userId, new Date('2026-03-01T12:10:00Z'), kept);
    // A late older ending (which kept another session) changes nothing.
    await revocations.revokeOtherSessionsUpTo(userId, new Date('2026-03-01T12:00:00Z'), other);
    expect(await revocations.endingOf({ sub: userId, iat: before, sid: other })).toBe(
      'signed_out_elsewhere',
    );
    expect(await revocations.endingOf({ sub: userId, iat: before })).toBe('signed_out_elsewhere');
    expect(await revocations.endingOf({ sub: userId, iat: before, sid: kept })).toBeUndefined();
    expect(
      await revocations.endingOf({ sub: userId, iat: at('2026-03-01T12:10:01Z'), sid: other }),
    ).toBeUndefined();
    // A password change from a token without a session id keeps none.
    await revocations.revokeOtherSessionsUpTo(userId, new Date('2026-03-01T12:20:00Z'));
    expect(
      await revocations.endingOf({ sub: userId, iat: at('2026-03-01T12:15:00Z'), sid: kept }),
    ).toBe('signed_out_elsewhere');
    // A suspension wins over the sign-out elsewhere.
    await revocations.revokeIssuedUpTo(userId, new Date('2026-03-01T12:30:00Z'));
    expect(
      await revocations.endingOf({ sub: userId, iat: at('2026-03-01T12:15:00Z'), sid: kept }),
    ).toBe('account_suspended');
  });
});
