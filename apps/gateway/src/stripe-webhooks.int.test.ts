import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestRedisNamespace } from '@gametriggers/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from './server';
import { createGateway } from './server';
import { testGatewayOptions } from './test-options';

// A stand-in for the payment service that reports what reached it, so the test sees exactly what
// the gateway passes on: the raw body and the signature, nothing else.
interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

let payment: http.Server;
let gateway: RunningGateway;
let redis: Redis;
const namespace = createTestRedisNamespace('gateway-stripe-webhooks');

beforeAll(async () => {
  payment = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const seen: Seen = { url: req.url ?? '', method: req.method ?? '', headers: req.headers as Record<string, string>, body };
      res.writeHead(req.headers['stripe-signature'] === 't=1,v1=good' ? 200 : 400, { 'content-type': 'application/json' });
      res.end(JSON.stringify(seen));
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

// Compact JSON with odd spacing: a re-serialised body would break Stripe's signature.
const delivery = '{"id":"evt_1",  "type":"checkout.session.completed","data":{"object":{}}}';

function deliver(path: string, signature: string, method = 'POST') {
  return fetch(`${gateway.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature, cookie: 'a=b', authorization: 'Bearer x' },
    body: method === 'POST' ? delivery : undefined,
  });
}

describe('Stripe webhook deliveries', () => {
  it.each(['/webhooks/stripe', '/webhooks/stripe/connect'])('forwards %s to the payment service byte for byte, with the signature only', async (path) => {
    const response = await deliver(path, 't=1,v1=good');
    expect(response.status).toBe(200);
    const seen = (await response.json()) as Seen;
    expect(seen).toMatchObject({ url: path, method: 'POST', body: delivery });
    expect(seen.headers['stripe-signature']).toBe('t=1,v1=good');
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
  });

  it("passes the payment service's refusal of a bad signature through", async () => {
    expect((await deliver('/webhooks/stripe', 't=1,v1=forged')).status).toBe(400);
  });

  it('answers 405 to anything but POST', async () => {
    expect((await deliver('/webhooks/stripe', 't=1,v1=good', 'GET')).status).toBe(405);
  });
});
