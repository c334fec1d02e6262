/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Gateway → identity `me` round trip, side by side with a bare node:http handler doing the same
 * database read. Prints throughput and p50/p99 latency for both, and the gateway's cost.
 *   pnpm --filter @gametriggers/gateway bench  [REQUESTS=20000 CONCURRENCY=32]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity/testing';
import { createTestRedisNamespace } from '@gametriggers/testing';
import { createAccessTokenVerifier, signServiceToken } from '@gametriggers/tokens';
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';
import { serviceUrlsFrom } from '../src/env';
import { startGateway } from '../src/server';

const requests = Number(process.env.REQUESTS ?? 20_000);
const concurrency = Number(process.env.CONCURRENCY ?? 32);
const warmup = Math.min(2_000, requests / 5);

interface Result {
  name: string;
  throughput: number;
  p50: number;
  p99: number;
}

async function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const started = process.hrtime.bigint();
      http
        .get(url, { agent, headers }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) return reject(new Error(`${name}: HTTP ${res.statusCode}`));
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            resolve();
          });
        })
        .on('error', reject);
    });
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await one();
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { name, throughput: count / seconds, p50: at(0.5), p99: at(0.99) };
}

const identity = await startIdentityHarness();
const namespace = createTestRedisNamespace('bench');
const redis = new Redis(namespace.url);
const gateway = await startGateway({
  port: 0,
  serviceUrls: { ...serviceUrlsFrom({}), identity: identity.url },
  identityJwksUrl: identity.jwksUrl,
  accessTokens: createAccessTokenVerifier({
    jwksUrl: identity.jwksUrl,
    issuer: 'gametriggers-identity',
    audience: 'gametriggers',
  }),
  serviceSecret: testServiceSecret,
  redis,
  corsOrigins: [],
  maxBodyBytes: 1024 * 1024,
  rateLimits: { windowMs: 60_000, perUser: 1e9, perIp: 1e9, keyPrefix: namespace.prefix },
  timeouts: { connectMs: 1_000, responseMs: 30_000 },
  log: pino({ level: 'silent' }),
});

const email = `bench.${Date.now()}@example.com`;
const seeder = identity.client(() => ({}));
const serviceToken = await signServiceToken(testServiceSecret, 'bench');
await identity
  .client(() => ({ 'x-service-token': serviceToken }))
  .identity.seedDemoUser.mutate({
    email,
    password: 'a strong password',
    name: 'Bench',
    role: 'brand',
  });
const session = await seeder.identity.login.mutate({ email, password: 'a strong password' });

// The bare baseline: the same row read `me` does, over a pg pool, as JSON.
const pool = new pg.Pool({ connectionString: identity.config.DATABASE_URL, max: 10 });
const bare = http.createServer((_req, res) => {
  pool
    .query(
      'SELECT u.*, a."adminRole" FROM "User" u LEFT JOIN "AdminProfile" a ON a."userId" = u.id WHERE u.id = $1',
      [session.user.id],
    )
    .then(({ rows }) => {
      const body = JSON.stringify(rows[0]);
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    })
    .catch(() => res.writeHead(500).end());
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
const gatewayUrl = `${gateway.url}/api/identity/identity.me`;
const auth = { authorization: `Bearer ${session.accessToken}` };

await load('warm-up bare', bareUrl, {}, warmup);
await load('warm-up gateway', gatewayUrl, auth, warmup);
const direct = await load(
  'identity direct (no gateway)',
  `${identity.url}/trpc/identity.me`,
  auth,
  requests,
);
const baseline = await load('bare node:http + pg', bareUrl, {}, requests);
const viaGateway = await load('gateway → identity me', gatewayUrl, auth, requests);

const row = (r: Result) =>
  `| ${r.name.padEnd(30)} | ${r.throughput.toFixed(0).padStart(8)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(7)} |`;
console.log(
  `\n${requests} requests, ${concurrency} concurrent, keep-alive, one machine (load generator in-process)\n`,
);
console.log('| path                           |    req/s | p50 ms  | p99 ms  |');
console.log('| ------------------------------ | -------: | ------: | ------: |');
for (const result of [baseline, direct, viaGateway]) console.log(row(result));
console.log(
  `\ngateway throughput / bare: ${((viaGateway.throughput / baseline.throughput) * 100).toFixed(0)}% (target ≥ 50%)`,
);
console.log(
  `gateway hop at p50 (gateway − identity direct): ${(viaGateway.p50 - direct.p50).toFixed(2)} ms (target ≤ 1 ms)`,
);

await gateway.close(100);
bare.close();
await pool.end();
redis.disconnect();
await namespace.clear();
await identity.close();
process.exit(0);
