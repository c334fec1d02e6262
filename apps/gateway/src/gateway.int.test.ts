import net from 'node:net';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity-service/testing';
import type { IdentityHarness } from '@gametriggers/identity-service/testing';
import type { IdentityRouter } from '@gametriggers/identity-service/router';
import {
  createTestRedisNamespace,
  fixedClock,
  signInAdminWithTotp,
  testInstants,
} from '@gametriggers/testing';
import { createAccessTokenVerifier, signServiceToken } from '@gametriggers/tokens';
import { newTotpSecret } from '@gametriggers/tokens/totp';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUrlsFrom } from './env';
import type { GatewayOptions, RunningGateway } from './server';
import { startGateway } from './server';
import { createSessionRevocations } from './session-revocations';

// Gateway and identity share the service secret, as in production.
const serviceSecret = testServiceSecret;
let identity: IdentityHarness;
let gateway: RunningGateway;
let redis: Redis;
const namespace = createTestRedisNamespace('gateway');
const clock = fixedClock(testInstants.newYorkAfternoon);
let hanging: net.Server;
const hangingSockets = new Set<net.Socket>();
let tokens: { brand: string; streamer: string; admin: string };

async function gatewayWith(overrides: Partial<GatewayOptions> = {}) {
  return startGateway({
    port: 0,
    serviceUrls: {
      ...serviceUrlsFrom({}),
      identity: identity.url,
      brand: 'http://127.0.0.1:9', // nothing listens: a dead service
      campaign: `http://127.0.0.1:${(hanging.address() as net.AddressInfo).port}`, // accepts, never answers
    },
    identityJwksUrl: identity.jwksUrl,
    accessTokens: createAccessTokenVerifier({
      jwksUrl: identity.jwksUrl,
      issuer: 'gametriggers-identity',
      audience: 'gametriggers',
      now: clock.now,
    }),
    serviceSecret,
    redis,
    revocations: createSessionRevocations(redis, {
      keyPrefix: `${namespace.prefix}:sessions-ended`,
      retentionMs: 20 * 60_000,
    }),
    corsOrigins: ['http://localhost:3001'],
    maxBodyBytes: 64 * 1024,
    rateLimits: { windowMs: 60_000, perUser: 1_000, perIp: 1_000, keyPrefix: namespace.prefix },
    // Generous: signing people in hashes passwords, slow on a loaded CI machine. The 504 test shortens it.
    timeouts: { connectMs: 500, responseMs: 10_000 },
    log: pino({ level: 'silent' }),
    now: clock.now,
    ...overrides,
  });
}

function client(headers: Record<string, string> = {}, url = gateway.url) {
  return createTRPCClient<IdentityRouter>({
    links: [httpBatchLink({ url: `${url}/api/identity`, transformer: superjson, headers })],
  });
}

async function signedIn(role: 'brand' | 'streamer' | 'admin') {
  const email = `${role}.${Math.random().toString(36).slice(2)}@example.com`;
  const password = 'a strong password 1';
  const token = await signServiceToken(serviceSecret, 'test');
  const totpSecret = role === 'admin' ? newTotpSecret() : undefined;
  await client({ 'x-service-token': token }).identity.seedDemoUser.mutate({
    email,
    password,
    name: 'Test Person',
    role,
    totpSecret,
  });
  if (totpSecret) {
    return (await signInAdminWithTotp(client(), { email, password, totpSecret }, clock.now))
      .accessToken;
  }
  return (await client().identity.login.mutate({ email, password })).accessToken;
}

function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  return fetch(`${gateway.url}${path}`, { ...init, headers });
}

beforeAll(async () => {
  identity = await startIdentityHarness({ now: clock.now });
  redis = new Redis(namespace.url);
  hanging = net.createServer((socket) => hangingSockets.add(socket));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  gateway = await gatewayWith();
  tokens = {
    brand: await signedIn('brand'),
    streamer: await signedIn('streamer'),
    admin: await signedIn('admin'),
  };
}, 60_000);

afterAll(async () => {
  await gateway.close(100);
  for (const socket of hangingSockets) socket.destroy();
  hanging.close();
  redis.disconnect();
  await namespace.clear();
  await identity.close();
});

describe('routing', () => {
  it('carries identity calls, batched, with the caller token', async () => {
    const me = await client({ authorization: `Bearer ${tokens.brand}` }).identity.me.query();
    expect(me.role).toBe('brand');
  });

  it('serves the JWKS, a health check and readiness (Redis answers)', async () => {
    expect((await call('/healthz')).status).toBe(200);
    expect(await (await call('/readyz')).json()).toEqual({ status: 'ready' });
    const jwks = (await (await call('/.well-known/jwks.json')).json()) as { keys: unknown[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
  });

  it('propagates the request id to the service and back', async () => {
    const response = await call('/api/identity/identity.me', {
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
  });

  it('answers an unknown domain with 404', async () => {
    expect((await call('/api/nothing/x.y')).status).toBe(404);
  });
});

describe('authentication and roles', () => {
  it('401 without a token on a protected domain, with a message the client shows', async () => {
    const response = await call('/api/brand/brand.get');
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe('Sign in to continue.');
  });

  it('401 for a forged or garbled token, even on public routes', async () => {
    const error = await client({ authorization: 'Bearer not.a.jwt' })
      .identity.me.query()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<IdentityRouter>).data?.httpStatus).toBe(401);
    expect((error as Error).message).toBe('The access token is not valid.');
  });

  it('403 for a brand on the overlay API, naming who may call it', async () => {
    const response = await call('/api/overlay/overlay.settings', { token: tokens.brand });
    expect(response.status).toBe(403);
    expect(JSON.stringify(await response.json())).toContain('streamer accounts and administrators');
    expect((await call('/api/admin/admin.dashboard', { token: tokens.brand })).status).toBe(403);
  });

  it('lets a service credential through any rule', async () => {
    const token = await signServiceToken(serviceSecret, 'campaign');
    const response = await call('/api/admin/admin.dashboard', {
      headers: { 'x-service-token': token },
    });
    expect(response.status).toBe(503); // past the rules; the admin service is not running
  });

  it('follows a signing key rotation without a restart', async () => {
    await identity.service.deps.keys.rotate();
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the verifier's refetch cooldown
    const fresh = await signedIn('brand');
    await expect(
      client({ authorization: `Bearer ${fresh}` }).identity.me.query(),
    ).resolves.toMatchObject({
      role: 'brand',
    });
    const old = await call('/api/brand/brand.get', { token: tokens.brand });
    expect(old.status).toBe(503); // the old key's token is still accepted; brand is down
  });
});

describe('protection', () => {
  it('413 for a body over the limit, by length', async () => {
    const response = await call('/api/identity/identity.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(100 * 1024),
    });
    expect(response.status).toBe(413);
  });

  it('429 with Retry-After past the per-IP limit', async () => {
    const strict = await gatewayWith({
      rateLimits: {
        windowMs: 60_000,
        perUser: 1_000,
        perIp: 3,
        keyPrefix: `${namespace.prefix}:strict`,
      },
    });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i += 1) {
        const response = await fetch(`${strict.url}/api/identity/identity.me`);
        statuses.push(response.status);
        retryAfter ??= response.headers.get('retry-after');
      }
      expect(statuses.slice(3)).toEqual([429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await strict.close(100);
    }
  });

  it('answers CORS preflights for portal origins only', async () => {
    const allowed = await call('/api/identity/identity.me', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3001', 'access-control-request-method': 'POST' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3001');
    const refused = await call('/api/identity/identity.me', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('a service that is down', () => {
  it('503 within a second when nothing listens', async () => {
    const started = performance.now();
    const response = await call('/api/brand/brand.get', { token: tokens.brand });
    expect(response.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(1_000);
    const body = (await response.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toMatch(/brand service is unavailable/);
  });

  it('504 when the service accepts but never answers', async () => {
    const impatient = await gatewayWith({ timeouts: { connectMs: 500, responseMs: 700 } });
    try {
      const started = performance.now();
      const response = await fetch(`${impatient.url}/api/campaign/campaign.list`, {
        headers: { authorization: `Bearer ${tokens.brand}` },
      });
      expect(response.status).toBe(504);
      expect(performance.now() - started).toBeLessThan(1_500);
    } finally {
      await impatient.close(100);
    }
  });
});
