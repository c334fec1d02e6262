import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestRedisNamespace, fixedClock, testInstants } from '@gametriggers/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayOptions, RunningGateway } from './server';
import { createGateway } from './server';
import { testGatewayOptions } from './test-options';

// Stand-ins for the overlay and analytics services: they accept one overlay key and report what
// they received, so the tests see exactly what the gateway passes on.
const goodKey = `gto_${'a'.repeat(43)}`;
const otherKey = `gto_${'b'.repeat(43)}`;
let overlay: http.Server;
let analytics: http.Server;
let serviceUrls: { overlay: string; analytics: string };
let gateway: RunningGateway;
let redis: Redis;
const namespace = createTestRedisNamespace('gateway-overlay');
/** Standing still, so a test's requests all fall in one rate-limit window. */
const clock = fixedClock(testInstants.newYorkAfternoon);

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

function standIn(status: { ok: number; wrongKey: number }) {
  return http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const seen: Seen = {
        url: req.url ?? '',
        method: req.method ?? '',
        headers: req.headers as Record<string, string>,
        body,
      };
      res.writeHead(req.headers['x-overlay-key'] === goodKey ? status.ok : status.wrongKey, {
        'content-type': 'application/json',
      });
      res.end(JSON.stringify(seen));
    });
  });
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
      // Nothing here needs identity: the overlay key is the only credential.
      identity: { url: 'http://127.0.0.1:9', jwksUrl: 'http://127.0.0.1:9/jwks.json' },
      serviceSecret: 'a-service-secret-of-at-least-32-characters',
      redis,
      rateLimitPrefix: prefix,
      now: clock.now,
      serviceUrls,
      overrides,
    }),
  );
}

beforeAll(async () => {
  overlay = standIn({ ok: 200, wrongKey: 403 });
  analytics = standIn({ ok: 202, wrongKey: 401 });
  serviceUrls = { overlay: await listen(overlay), analytics: await listen(analytics) };
  redis = new Redis(namespace.url);
  gateway = await gatewayWith();
});

afterAll(async () => {
  await gateway.close(100);
  overlay.close();
  analytics.close();
  redis.disconnect();
  await namespace.clear();
});

function post(path: string, init: { key?: string; body?: string; headers?: Record<string, string> } = {}, url = gateway.url) {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      ...(init.key ? { 'x-overlay-key': init.key } : {}),
      'content-type': 'application/json',
      ...init.headers,
    },
    body: init.body ?? '{"events":[]}',
  });
}

describe('POST /overlay/realtime-auth', () => {
  it('forwards the form pusher-js posts to the overlay service with the key and a forwarded-for', async () => {
    const response = await post('/overlay/realtime-auth', {
      key: goodKey,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': '203.0.113.9',
        cookie: 'next-auth.session-token=secret',
        authorization: 'Bearer someone',
      },
      body: 'socket_id=1.2&channel_name=private-overlay-x',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const seen = (await response.json()) as Seen;
    expect(seen).toMatchObject({ url: '/realtime/auth', method: 'POST' });
    expect(seen.body).toBe('socket_id=1.2&channel_name=private-overlay-x');
    expect(seen.headers['x-overlay-key']).toBe(goodKey);
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // A public route never carries the browser's other credentials to a service.
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
  });

  it("passes the overlay service's refusal of another key through", async () => {
    const response = await post('/overlay/realtime-auth', { key: otherKey, body: 'socket_id=1.2' });
    expect(response.status).toBe(403);
  });
});

describe('POST /ingest', () => {
  it('forwards the batch to analytics and answers with its status', async () => {
    const batch = JSON.stringify({ events: [{ id: crypto.randomUUID(), type: 'heartbeat' }] });
    const response = await post('/ingest', { key: goodKey, body: batch });
    expect(response.status).toBe(202);
    const seen = (await response.json()) as Seen;
    expect(seen).toMatchObject({ url: '/ingest', method: 'POST', body: batch });
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['x-overlay-key']).toBe(goodKey);
  });

  it("passes analytics' 401 for a wrong key through", async () => {
    expect((await post('/ingest', { key: otherKey })).status).toBe(401);
  });

  it('401 without a key, or with one that cannot be a key, before calling anything', async () => {
    expect((await post('/ingest')).status).toBe(401);
    const garbled = await post('/ingest', { key: 'short' });
    expect(garbled.status).toBe(401);
    const body = (await garbled.json()) as { error: { json: { data: { reason: string } } } };
    expect(body.error.json.data.reason).toBe('overlay_key_required');
  });

  it('413 past the ingest body limit', async () => {
    const response = await post('/ingest', { key: goodKey, body: 'x'.repeat(300 * 1024) });
    expect(response.status).toBe(413);
  });

  it('405 for anything but POST', async () => {
    const response = await fetch(`${gateway.url}/ingest`, { headers: { 'x-overlay-key': goodKey } });
    expect(response.status).toBe(405);
  });
});

describe('CORS for OBS', () => {
  it('answers preflights from any origin, including the null one', async () => {
    for (const origin of ['null', 'https://obs.example']) {
      const response = await fetch(`${gateway.url}/ingest`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-overlay-key',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-headers')).toContain('x-overlay-key');
    }
  });
});

describe('rate limits', () => {
  it('429 with Retry-After past the per-key limit, while another key still passes', async () => {
    const strict = await gatewayWith(
      { overlayRateLimits: { perIp: 1_000, perKey: 2 } },
      `${namespace.prefix}:per-key`,
    );
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i += 1) {
        const response = await post('/ingest', { key: goodKey }, strict.url);
        statuses.push(response.status);
        retryAfter ??= response.headers.get('retry-after');
      }
      expect(statuses).toEqual([202, 202, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect((await post('/ingest', { key: otherKey }, strict.url)).status).toBe(401); // reached analytics
    } finally {
      await strict.close(100);
    }
  });

  it('429 past the per-IP limit, whatever the key', async () => {
    const strict = await gatewayWith(
      { overlayRateLimits: { perIp: 2, perKey: 1_000 } },
      `${namespace.prefix}:per-ip`,
    );
    try {
      const statuses: number[] = [];
      for (const key of [goodKey, otherKey, goodKey, otherKey]) {
        statuses.push((await post('/overlay/realtime-auth', { key }, strict.url)).status);
      }
      expect(statuses).toEqual([200, 403, 429, 429]);
    } finally {
      await strict.close(100);
    }
  });
});

describe('a service that is down', () => {
  it('503 within a second when analytics is not running', async () => {
    const down = await createGateway(
      testGatewayOptions({
        identity: { url: 'http://127.0.0.1:9', jwksUrl: 'http://127.0.0.1:9/jwks.json' },
        serviceSecret: 'a-service-secret-of-at-least-32-characters',
        redis,
        rateLimitPrefix: `${namespace.prefix}:down`,
        now: clock.now,
      }),
    );
    try {
      const started = performance.now();
      const response = await post('/ingest', { key: goodKey }, down.url);
      expect(response.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(1_000);
      const body = (await response.json()) as { error: { json: { message: string } } };
      expect(body.error.json.message).toMatch(/analytics service is unavailable/);
      expect((await post('/overlay/realtime-auth', { key: goodKey }, down.url)).status).toBe(503);
    } finally {
      await down.close(100);
    }
  });
});
