import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestRedisNamespace, fixedClock, testInstants } from '@gametriggers/testing';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUrlsFrom } from './env';
import type { RunningGateway } from './server';
import { createGateway } from './server';
import { createSessionRevocations } from './session-revocations';

// A key set we control (served as a JWKS over node:http) and an echo service that reports what
// it received: the edges of the gateway without the identity service.
interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}
let served: SigningKey[] = [];
let jwks: http.Server;
let echo: http.Server;
let gateway: RunningGateway;
let redis: Redis;
const namespace = createTestRedisNamespace('gateway-edge');
const clock = fixedClock(testInstants.newYorkAfternoon);
const clockSeconds = () => Math.floor(clock.now().getTime() / 1000);

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

function sign(key: SigningKey, role: 'brand' | 'streamer' | 'admin', expiresAt?: number) {
  return new SignJWT({ email: `${role}@example.com`, role, permissions: [] })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
    .setSubject(randomUUID())
    .setIssuer('test-issuer')
    .setAudience('test-audience')
    .setIssuedAt(clockSeconds())
    .setExpirationTime(expiresAt ?? clockSeconds() + 300)
    .sign(key.privateKey);
}

function listen(server: http.Server) {
  return new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  served = [await newKey()];
  jwks = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: served.map((key) => key.jwk) }));
  });
  echo = http.createServer((req, res) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => (size += chunk.length));
    req.on('end', () => {
      const body = JSON.stringify({ url: req.url, headers: req.headers, size });
      res.writeHead(200, { 'content-type': 'application/json', 'keep-alive': 'timeout=5' });
      res.end(body);
    });
  });
  const jwksUrl = `${await listen(jwks)}/jwks.json`;
  const echoUrl = await listen(echo);
  redis = new Redis(namespace.url);
  gateway = await createGateway({
    port: 0,
    serviceUrls: { ...serviceUrlsFrom({}), streamer: echoUrl, notification: echoUrl },
    identityJwksUrl: jwksUrl,
    accessTokens: createAccessTokenVerifier({
      jwksUrl,
      issuer: 'test-issuer',
      audience: 'test-audience',
      now: clock.now,
    }),
    serviceSecret: 'a-service-secret-of-at-least-32-characters',
    redis,
    revocations: createSessionRevocations(redis, {
      keyPrefix: `${namespace.prefix}:sessions-ended`,
      retentionMs: 20 * 60_000,
    }),
    corsOrigins: ['http://localhost:3002'],
    maxBodyBytes: 1024,
    rateLimits: { windowMs: 60_000, perUser: 1_000, perIp: 1_000, keyPrefix: namespace.prefix },
    timeouts: { connectMs: 500, responseMs: 2_000 },
    log: pino({ level: 'silent' }),
    now: clock.now,
    metrics: { port: 0 },
  });
});

afterAll(async () => {
  await gateway.close(100);
  jwks.close();
  echo.close();
  redis.disconnect();
  await namespace.clear();
});

function call(path: string, token?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(`${gateway.url}${path}`, { ...init, headers });
}

describe('tokens', () => {
  it('401 for an expired token, saying so', async () => {
    const expired = await sign(served[0]!, 'streamer', clockSeconds() - 60);
    const response = await call('/api/streamer/streamer.me', expired);
    expect(response.status).toBe(401);
    const body = (await response.json()) as {
      error: { json: { message: string; data: { code: string; reason: string } } };
    };
    expect(body.error.json.message).toBe('The access token has expired.');
    expect(body.error.json.data).toMatchObject({ code: 'UNAUTHORIZED', reason: 'token_expired' });
  });

  it('401 for a token signed by a key the JWKS does not serve', async () => {
    const stranger = await newKey();
    const response = await call('/api/streamer/streamer.me', await sign(stranger, 'streamer'));
    expect(response.status).toBe(401);
  });

  it('accepts tokens from the old and the new key after a rotation, without a restart', async () => {
    const keyA = served[0]!;
    const before = await sign(keyA, 'streamer');
    expect((await call('/api/streamer/streamer.me', before)).status).toBe(200);
    const keyB = await newKey();
    served = [keyB, keyA]; // identity publishes the new key and keeps the old one for a while
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // jose's refetch cooldown
    expect((await call('/api/streamer/streamer.me', await sign(keyB, 'streamer'))).status).toBe(
      200,
    );
    expect((await call('/api/streamer/streamer.me', await sign(keyA, 'streamer'))).status).toBe(
      200,
    );
  });

  it('lets any signed-in role reach notifications, and nobody anonymous', async () => {
    const brand = await sign(served[0]!, 'brand');
    const admin = await sign(served[0]!, 'admin');
    expect((await call('/api/notification/notification.inbox.unreadCount', brand)).status).toBe(200);
    expect((await call('/api/notification/notification.inbox.unreadCount', admin)).status).toBe(200);
    expect((await call('/api/notification/notification.inbox.unreadCount')).status).toBe(401);
  });
});

describe('forwarding', () => {
  it('keeps the query string, forwards identity headers and drops hop-by-hop ones', async () => {
    const token = await sign(served[0]!, 'streamer');
    // node:http, since fetch refuses to send a Connection header.
    const { status, headers, body } = await new Promise<{
      status: number;
      headers: http.IncomingHttpHeaders;
      body: string;
    }>((resolve, reject) => {
      http
        .get(
          `${gateway.url}/api/streamer/streamer.a,streamer.b?batch=1&input=%7B%7D`,
          {
            headers: {
              authorization: `Bearer ${token}`,
              'x-request-id': 'req-7',
              'x-forwarded-for': '203.0.113.9',
              'x-secret-hop': 'drop me',
              connection: 'x-secret-hop',
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
            );
          },
        )
        .on('error', reject);
    });
    expect(status).toBe(200);
    expect(headers['x-request-id']).toBe('req-7');
    expect(headers['keep-alive']).not.toBe('timeout=5'); // the service's hop-by-hop header
    const seen = JSON.parse(body) as { url: string; headers: Record<string, string> };
    expect(seen.url).toBe('/trpc/streamer.a,streamer.b?batch=1&input=%7B%7D');
    expect(seen.headers.authorization).toBe(`Bearer ${token}`);
    expect(seen.headers['x-request-id']).toBe('req-7');
    expect(seen.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(seen.headers['x-secret-hop']).toBeUndefined();
  });

  it('replaces a missing or malformed request id with a fresh UUID', async () => {
    const response = await call('/healthz', undefined, {
      headers: { 'x-request-id': 'spaces are not allowed' },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('413 for a chunked body that grows past the limit while streaming', async () => {
    const token = await sign(served[0]!, 'streamer');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${gateway.url}/api/streamer/streamer.update`,
        { method: 'POST', headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // No content-length: the limit can only be seen while the bytes flow.
      for (let i = 0; i < 8; i += 1) req.write('x'.repeat(512));
      req.end();
    });
    expect(status).toBe(413);
  });

  it('serves metrics on its internal listener only; the public edge answers 404', async () => {
    const internal = await fetch(gateway.metricsUrl!);
    expect(internal.status).toBe(200);
    expect(await internal.text()).toContain('gateway_request_duration_seconds');
    expect(new URL(gateway.metricsUrl!).port).not.toBe(String(gateway.port));
    expect(await fetch(new URL('/', gateway.metricsUrl))).toMatchObject({ status: 404 });

    const onTheEdge = await call('/metrics');
    expect(onTheEdge.status).toBe(404);
    expect(await onTheEdge.text()).not.toContain('gateway_request_duration_seconds');
  });
});
