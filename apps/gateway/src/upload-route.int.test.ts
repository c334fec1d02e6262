import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestRedisNamespace, fixedClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from './server';
import { createGateway } from './server';
import { testGatewayOptions } from './test-options';

// A stand-in asset service that reports what the gateway passed on.
let asset: http.Server;
let gateway: RunningGateway;
let issuer: TestTokenIssuer;
let redis: Redis;
const namespace = createTestRedisNamespace('gateway-uploads');

beforeAll(async () => {
  asset = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ url: req.url, method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
  });
  const assetUrl = await new Promise<string>((resolve) =>
    asset.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(asset.address() as AddressInfo).port}`)),
  );
  issuer = await startTestTokenIssuer();
  redis = new Redis(namespace.url);
  gateway = await createGateway(
    testGatewayOptions({
      identity: { url: 'http://127.0.0.1:9', jwksUrl: issuer.jwksUrl },
      serviceSecret: 'a-service-secret-of-at-least-32-characters',
      redis,
      rateLimitPrefix: namespace.prefix,
      now: fixedClock(testInstants.newYorkAfternoon).now,
      serviceUrls: { asset: assetUrl },
    }),
  );
});
afterAll(async () => {
  await gateway.close(100);
  asset.close();
  await issuer.close();
  redis.disconnect();
  await namespace.clear();
});

describe('/api/uploadthing', () => {
  it('passes a signed-in brand’s upload request, query and token included, to the asset service', async () => {
    const token = await issuer.tokenFor(testCast().brandA);
    const response = await fetch(`${gateway.url}/api/uploadthing?actionType=upload&slug=campaignCreative`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-uploadthing-version': '7.7.4' },
      body: JSON.stringify({ files: [{ name: 'ad.png', size: 10, type: 'image/png' }] }),
    });
    expect(response.status).toBe(200);
    const seen = (await response.json()) as { url: string; method: string; headers: Record<string, string>; body: string };
    expect(seen).toMatchObject({ url: '/api/uploadthing?actionType=upload&slug=campaignCreative', method: 'POST' });
    expect(seen.headers.authorization).toBe(`Bearer ${token}`);
    expect(seen.headers['x-uploadthing-version']).toBe('7.7.4');
    expect(JSON.parse(seen.body)).toEqual({ files: [{ name: 'ad.png', size: 10, type: 'image/png' }] });
  });

  it('refuses an anonymous caller and other methods before reaching the service', async () => {
    const anonymous = await fetch(`${gateway.url}/api/uploadthing?actionType=upload&slug=campaignCreative`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    const token = await issuer.tokenFor(testCast().brandA);
    const put = await fetch(`${gateway.url}/api/uploadthing`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    expect(put.status).toBe(405);
  });
});
