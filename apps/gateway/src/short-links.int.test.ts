import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestRedisNamespace, fixedClock, testInstants } from '@gametriggers/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayOptions, RunningGateway } from './server';
import { createGateway } from './server';
import { testGatewayOptions } from './test-options';

// A stand-in for the analytics service's `GET /r?code=`: answers a 302 and reports, in a header,
// exactly what the gateway passed on.
let analytics: http.Server;
let analyticsUrl: string;
let gateway: RunningGateway;
let redis: Redis;
const namespace = createTestRedisNamespace('gateway-short-links');
/** Standing still, so a test's requests all fall in one rate-limit window. */
const clock = fixedClock(testInstants.newYorkAfternoon);

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
}

function listen(server: http.Server) {
  return new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

async function gatewayWith(overrides: Partial<GatewayOptions> = {}, prefix = namespace.prefix) {
  return createGateway(
    testGatewayOptions({
      identity: { url: 'http://127.0.0.1:9', jwksUrl: 'http://127.0.0.1:9/jwks.json' },
      serviceSecret: 'a-service-secret-of-at-least-32-characters',
      redis,
      rateLimitPrefix: prefix,
      now: clock.now,
      serviceUrls: { analytics: analyticsUrl },
      overrides,
    }),
  );
}

beforeAll(async () => {
  analytics = http.createServer((req, res) => {
    const seen: Seen = {
      url: req.url ?? '',
      method: req.method ?? '',
      headers: req.headers as Record<string, string>,
    };
    res.writeHead(302, {
      location: 'https://brand.example/spring?utm_source=gametriggers',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer-when-downgrade',
      'x-seen': Buffer.from(JSON.stringify(seen)).toString('base64url'),
    });
    res.end();
  });
  analyticsUrl = await listen(analytics);
  redis = new Redis(namespace.url);
  gateway = await gatewayWith();
});

afterAll(async () => {
  await gateway.close(100);
  analytics.close();
  redis.disconnect();
  await namespace.clear();
});

function visit(path: string, init: RequestInit = {}, url = gateway.url) {
  return fetch(`${url}${path}`, { redirect: 'manual', ...init });
}

const seenOf = (response: Response) =>
  JSON.parse(Buffer.from(response.headers.get('x-seen') ?? '', 'base64url').toString()) as Seen;

describe('GET /r/<code>', () => {
  it('forwards the code, the address it saw and the user agent, and passes the 302 through unfollowed', async () => {
    const response = await visit('/r/Ab3_x-YZ12345678', {
      headers: {
        'user-agent': 'Mozilla/5.0 Test',
        'x-forwarded-for': '198.51.100.66',
        cookie: 'next-auth.session-token=secret',
        authorization: 'Bearer someone',
      },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://brand.example/spring?utm_source=gametriggers');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer-when-downgrade');
    const seen = seenOf(response);
    expect(seen).toMatchObject({ url: '/r?code=Ab3_x-YZ12345678', method: 'GET' });
    expect(seen.headers['user-agent']).toBe('Mozilla/5.0 Test');
    // The client's own forwarded-for is not trusted: only the address the gateway saw.
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('passes odd codes on encoded, for analytics to send to the landing page', async () => {
    const response = await visit('/r/a%26b%3Dc');
    expect(response.status).toBe(302);
    expect(seenOf(response).url).toBe('/r?code=a%26b%3Dc');
    expect((await visit('/r/one/two')).status).toBe(404);
    expect((await visit('/r/')).status).toBe(404);
  });

  it('405 for anything but GET and HEAD', async () => {
    const response = await visit('/r/Ab3_x-YZ12345678', { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    const head = await visit('/r/Ab3_x-YZ12345678', { method: 'HEAD' });
    expect(head.status).toBe(302);
    expect(seenOf(head).method).toBe('HEAD');
  });

  it('429 with Retry-After past the per-IP limit', async () => {
    const strict = await gatewayWith({ shortLinkRateLimitPerIp: 2 }, `${namespace.prefix}:strict`);
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i += 1) {
        const response = await visit('/r/Ab3_x-YZ12345678', {}, strict.url);
        statuses.push(response.status);
        retryAfter ??= response.headers.get('retry-after');
      }
      expect(statuses).toEqual([302, 302, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await strict.close(100);
    }
  });

  it('503 when analytics is not running', async () => {
    const other = await createGateway(
      testGatewayOptions({
        identity: { url: 'http://127.0.0.1:9', jwksUrl: 'http://127.0.0.1:9/jwks.json' },
        serviceSecret: 'a-service-secret-of-at-least-32-characters',
        redis,
        rateLimitPrefix: `${namespace.prefix}:down2`,
        now: clock.now,
      }),
    );
    try {
      const response = await visit('/r/Ab3_x-YZ12345678', {}, other.url);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { json: { message: string } } };
      expect(body.error.json.message).toMatch(/cannot be opened right now/);
    } finally {
      await other.close(100);
    }
  });
});
