import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestRedisNamespace } from '@gametriggers/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from './server';
import { createGateway } from './server';
import { testGatewayOptions } from './test-options';

// A stand-in payment service that reports what the gateway passed on.
let payment: http.Server;
let gateway: RunningGateway;
let redis: Redis;
const namespace = createTestRedisNamespace('gateway-webhooks');

beforeAll(async () => {
  payment = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: req.url, method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('base64') }));
    });
  });
  const paymentUrl = await new Promise<string>((resolve) =>
    payment.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(payment.address() as AddressInfo).port}`)),
  );
  redis = new Redis(namespace.url);
  gateway = await createGateway(
    testGatewayOptions({
      identity: { url: 'http://127.0.0.1:9', jwksUrl: 'http://127.0.0.1:9/jwks.json' },
      serviceSecret: 'a-service-secret-of-at-least-32-characters',
      redis,
      rateLimitPrefix: namespace.prefix,
      serviceUrls: { payment: paymentUrl },
    }),
  );
});
afterAll(async () => {
  await gateway.close(100);
  payment.close();
  redis.disconnect();
  await namespace.clear();
});

describe('Stripe webhook forwarding', () => {
  it.each(['/webhooks/stripe', '/webhooks/stripe/connect'])('passes %s to the payment service byte for byte', async (path) => {
    const body = Buffer.from('{"id":"evt_1","type":"payment_intent.succeeded","note":"caf\u00e9  \\n"}', 'utf8');
    const response = await fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc', cookie: 'session=secret', authorization: 'Bearer x' },
      body,
    });
    expect(response.status).toBe(200);
    const seen = (await response.json()) as { url: string; method: string; headers: Record<string, string>; body: string };
    expect(seen).toMatchObject({ url: path, method: 'POST' });
    expect(Buffer.from(seen.body, 'base64').equals(body)).toBe(true);
    expect(seen.headers['stripe-signature']).toBe('t=1,v1=abc');
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('only takes POST', async () => {
    const response = await fetch(`${gateway.url}/webhooks/stripe`);
    expect(response.status).toBe(405);
  });
});
