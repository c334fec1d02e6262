/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Gateway → identity `me` round trip, side by side with a bare node:http handler doing the same
 * database read. Prints throughput and p50/p99 latency for both, and the gateway's cost.
 *   pnpm --filter @gametriggers/gateway bench  [REQUESTS=20000 CONCURRENCY=32]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity-service/testing';
import { createTestRedisNamespace, fixedClock, testInstants } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createGateway } from '../src/server';
import { testGatewayOptions } from '../src/test-options';
import type { LoadResult } from './http-load';
import { load, loadHeader, loadRow, medianOf } from './http-load';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const requests = Number(process.env.REQUESTS ?? (dryRun ? 10 : 20_000));
const concurrency = Number(process.env.CONCURRENCY ?? (dryRun ? 2 : 32));
const warmup = Math.min(2_000, requests / 5);
const sequentialRequests = Number(process.env.SEQUENTIAL_REQUESTS ?? (dryRun ? 4 : 1_500));
const rounds = Number(process.env.ROUNDS ?? (dryRun ? 1 : 3));

// Standing still: the session's token never expires however long the bench runs.
const clock = fixedClock(testInstants.newYorkAfternoon);
const identity = await startIdentityHarness({ now: clock.now });
const email = 'bench@example.com';
const serviceToken = await signServiceToken(testServiceSecret, 'bench');
await identity
  .client(() => ({ 'x-service-token': serviceToken }))
  .identity.seedDemoUser.mutate({
    email,
    password: 'a strong password',
    name: 'Bench',
    role: 'brand',
  });
const session = await identity
  .client()
  .identity.login.mutate({ email, password: 'a strong password' });

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
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

const namespace = createTestRedisNamespace('bench');
const redis = new Redis(namespace.url, { enableAutoPipelining: true });
const gateway = await createGateway(
  testGatewayOptions({
    identity,
    serviceSecret: testServiceSecret,
    redis,
    rateLimitPrefix: namespace.prefix,
    now: clock.now,
    // `brand` points at the bare handler: gateway → bare isolates the gateway's own cost.
    serviceUrls: { brand: bareUrl },
    overrides: {
      rateLimits: { windowMs: 60_000, perUser: 1e9, perIp: 1e9, keyPrefix: namespace.prefix },
      timeouts: { connectMs: 1_000, responseMs: 30_000 },
    },
  }),
);

const auth = { authorization: `Bearer ${session.accessToken}` };
const paths = [
  { name: 'bare node:http + pg', url: `${bareUrl}/`, headers: {} },
  { name: 'gateway → bare node:http + pg', url: `${gateway.url}/api/brand/x`, headers: auth },
  { name: 'identity me direct', url: `${identity.url}/trpc/identity.me`, headers: auth },
  { name: 'gateway → identity me', url: `${gateway.url}/api/identity/identity.me`, headers: auth },
];

for (const path of paths) await load(`warm-up ${path.name}`, [path], warmup, concurrency);
// Rounds interleave the paths, so a change in machine load hits all of them alike; the median
// round is reported.
const byPath = new Map<string, LoadResult[]>(paths.map((path) => [path.name, []]));
const oneByOne = new Map<string, LoadResult[]>(paths.map((path) => [path.name, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const path of paths) {
    byPath.get(path.name)?.push(await load(path.name, [path], Math.floor(requests / rounds), concurrency));
    oneByOne.get(path.name)?.push(await load(path.name, [path], Math.floor(sequentialRequests / rounds), 1));
  }
}
const [bareResult, gatewayBare, direct, viaGateway] = paths.map((path) =>
  medianOf(byPath.get(path.name) ?? []),
) as [LoadResult, LoadResult, LoadResult, LoadResult];
const [bareOne, gatewayBareOne, directOne, viaGatewayOne] = paths.map((path) =>
  medianOf(oneByOne.get(path.name) ?? []),
) as [LoadResult, LoadResult, LoadResult, LoadResult];

console.log(
  `\n${requests} requests per path in ${rounds} interleaved rounds (median round shown), ` +
    `${concurrency} concurrent, keep-alive; load generator on a worker thread\n`,
);
console.log(loadHeader);
for (const result of [bareResult, gatewayBare, direct, viaGateway]) console.log(loadRow(result));
console.log(`\nOne request at a time (${sequentialRequests} per path):\n`);
console.log(loadHeader);
for (const result of [bareOne, gatewayBareOne, directOne, viaGatewayOne]) console.log(loadRow(result));

const percent = (a: LoadResult, b: LoadResult) => `${((a.throughput / b.throughput) * 100).toFixed(0)}%`;
const hop = (a: LoadResult, b: LoadResult) => `${(a.p50 - b.p50).toFixed(2)} ms`;
console.log(
  `\ngateway → identity me / bare: ${percent(viaGateway, bareResult)} of the throughput at ${concurrency} concurrent (target ≥ 50%)`,
);
console.log(
  `gateway hop, one at a time: ${hop(viaGatewayOne, directOne)} p50 in front of identity, ` +
    `${hop(gatewayBareOne, bareOne)} in front of the bare handler (target ≤ 1 ms)`,
);
console.log(
  `gateway → bare / bare: ${percent(gatewayBare, bareResult)}; gateway → identity me / identity direct: ${percent(viaGateway, direct)}`,
);
console.log(
  `machine load average at the end: ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);

await gateway.close(100);
bare.close();
await pool.end();
redis.disconnect();
await namespace.clear();
await identity.close();
process.exit(0);
