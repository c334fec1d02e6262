import net from 'node:net';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity-service/testing';
import type { IdentityHarness } from '@gametriggers/identity-service/testing';
import type { IdentityRouter } from '@gametriggers/identity-service/router';
import { createTestRedisNamespace, fixedClock, testInstants } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { createTRPCClient, httpLink } from '@trpc/client';
import { Redis } from 'ioredis';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUrlsFrom } from './env';
import { createGateway } from './server';
import type { RunningGateway } from './server';
import { testGatewayOptions } from './test-options';

const clock = fixedClock(testInstants.newYorkAfternoon);
const namespace = createTestRedisNamespace('gateway-replicas');
const nothingListens = 'http://127.0.0.1:9';
const password = 'a strong password 1';
const email = 'replicas@example.com';
let redis: Redis;
let identity: IdentityHarness;
let second: { url: string; close(): Promise<void> };
let accessToken: string;

/** A service that takes the request in and drops the connection without answering. */
let dropping: net.Server;
let droppingRequests = 0;

function gatewayRoutingIdentityTo(urls: string[]) {
  return createGateway(
    testGatewayOptions({
      identity,
      serviceSecret: testServiceSecret,
      redis,
      rateLimitPrefix: namespace.prefix,
      now: clock.now,
      serviceUrls: { identity: urls },
    }),
  );
}

function through(gateway: RunningGateway) {
  return createTRPCClient<IdentityRouter>({
    links: [
      httpLink({
        url: `${gateway.url}/api/identity`,
        transformer: superjson,
        headers: () => ({ authorization: `Bearer ${accessToken}` }),
      }),
    ],
  });
}

/** Successful calls of a procedure one replica served, from its own `/metrics`. */
async function callsServed(replicaUrl: string, procedure: string) {
  const metrics = await (await fetch(`${replicaUrl}/metrics`)).text();
  const line = metrics
    .split('\n')
    .find(
      (text) =>
        text.startsWith('trpc_procedure_calls_total{') &&
        text.includes(`procedure="${procedure}"`) &&
        text.includes('outcome="ok"'),
    );
  return line ? Number(line.split(' ').at(-1)) : 0;
}

async function withGateway(urls: string[], run: (gateway: RunningGateway) => Promise<void>) {
  const gateway = await gatewayRoutingIdentityTo(urls);
  try {
    await run(gateway);
  } finally {
    await gateway.close(100);
  }
}

beforeAll(async () => {
  identity = await startIdentityHarness({ now: clock.now });
  second = await identity.startReplica();
  redis = new Redis(namespace.url);
  const serviceToken = await signServiceToken(testServiceSecret, 'test');
  await identity
    .client(() => ({ 'x-service-token': serviceToken }))
    .identity.seedDemoUser.mutate({ email, password, name: 'Replica Tester', role: 'brand' });
  accessToken = (await identity.client().identity.login.mutate({ email, password })).accessToken;
  dropping = net.createServer((socket) => {
    socket.once('data', () => {
      droppingRequests += 1;
      socket.destroy();
    });
  });
  await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
}, 60_000);

afterAll(async () => {
  dropping.close();
  redis.disconnect();
  await namespace.clear();
  await second.close();
  await identity.close();
});

describe('a service with several replicas', () => {
  it('reads the replicas from a comma-separated service URL, one URL as before', () => {
    const urls = serviceUrlsFrom({
      IDENTITY_SERVICE_URL: 'http://10.0.0.1:4101, http://10.0.0.2:4101',
      BRAND_SERVICE_URL: 'http://brand:4102',
    });
    expect(urls.identity).toEqual(['http://10.0.0.1:4101', 'http://10.0.0.2:4101']);
    expect(urls.brand).toEqual(['http://brand:4102']);
    expect(urls.campaign).toEqual(['http://127.0.0.1:4104']);
  });

  it('spreads requests over the replicas', async () => {
    await withGateway([identity.url, second.url], async (gateway) => {
      const before = [await callsServed(identity.url, 'identity.me'), await callsServed(second.url, 'identity.me')];
      for (let i = 0; i < 10; i += 1) await expect(through(gateway).identity.me.query()).resolves.toMatchObject({ email });
      const served = [
        (await callsServed(identity.url, 'identity.me')) - before[0]!,
        (await callsServed(second.url, 'identity.me')) - before[1]!,
      ];
      // One at a time, so neither has more in flight: they take turns.
      expect(served).toEqual([5, 5]);
    });
  });

  it('sends everything to the replica that is up when another refuses connections, and says so in /readyz', async () => {
    await withGateway([nothingListens, second.url], async (gateway) => {
      const before = await callsServed(second.url, 'identity.me');
      for (let i = 0; i < 10; i += 1) await expect(through(gateway).identity.me.query()).resolves.toMatchObject({ email });
      expect((await callsServed(second.url, 'identity.me')) - before).toBe(10);
      const readiness = await fetch(`${gateway.url}/readyz`);
      expect(readiness.status).toBe(200);
      expect(await readiness.json()).toEqual({ status: 'ready', refusingReplicas: { identity: [nothingListens] } });
    });
  });

  it('answers 503 when every replica refuses', async () => {
    await withGateway([nothingListens, 'http://127.0.0.1:7'], async (gateway) => {
      const response = await fetch(`${gateway.url}/api/identity/identity.me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(response.status).toBe(503);
    });
  });

  it('sends a mutation refused before any byte to the next replica, once', async () => {
    await withGateway([nothingListens, second.url], async (gateway) => {
      const before = await callsServed(second.url, 'identity.login');
      const session = await through(gateway).identity.login.mutate({ email, password });
      expect(session.accessToken).toEqual(expect.any(String));
      expect((await callsServed(second.url, 'identity.login')) - before).toBe(1);
    });
  });

  it('never sends a mutation again once a replica may have received it', async () => {
    await withGateway([`http://127.0.0.1:${(dropping.address() as net.AddressInfo).port}`, second.url], async (gateway) => {
      const before = await callsServed(second.url, 'identity.login');
      const response = await fetch(`${gateway.url}/api/identity/identity.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: { email, password } }),
      });
      expect(response.status).toBe(503);
      expect(droppingRequests).toBe(1);
      expect((await callsServed(second.url, 'identity.login')) - before).toBe(0);
    });
  });
});
