/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Gateway → identity `me` round trip, side by side with a bare node:http handler doing the same
 * database read. Prints throughput and p50/p99 latency for both, and the gateway's cost.
 *   pnpm --filter @gametriggers/gateway bench  [REQUESTS=20000 CONCURRENCY=32]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { startIdentityHarness, testServiceSecret } from '@gametriggers/identity-service/testing';
import { createTestRedisNamespace, fixedClock, testInstants } from '@gametriggers/testing';
import { signServiceToken } from '@gametriggers/tokens';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createGateway } from '../src/server';
import { testGatewayOptions } from '../src/test-options';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const requests = Number(process.env.REQUESTS ?? (dryRun ? 10 : 20_000));
const concurrency = Number(process.env.CONCURRENCY ?? (dryRun ? 2 : 32));
const warmup = Math.min(2_000, requests / 5);
const rounds = Number(process.env.ROUNDS ?? (dryRun ? 1 : 3));

interface Result {
  name: string;
  throughput: number;
  p50: number;
  p99: number;
}

// The load generator runs on its own thread, so it does not steal the servers' event loop.
const loadWorkerSource = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, headers, count, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = new Float64Array(count);
let next = 0;
let failed = 0;
function one(index) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) failed += 1;
        latencies[index] = Number(process.hrtime.bigint() - started) / 1e6;
        resolve();
      });
    }).on('error', () => { failed += 1; resolve(); });
  });
}
(async () => {
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await one(next++);
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  parentPort.postMessage({ seconds, failed, latencies });
})();
`;

function load(
  name: string,
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(loadWorkerSource, {
      eval: true,
      workerData: { url, headers, count, concurrency },
    });
    worker.once('error', reject);
    worker.once(
      'message',
      ({
        seconds,
        failed,
        latencies,
      }: {
        seconds: number;
        failed: number;
        latencies: Float64Array;
      }) => {
        void worker.terminate();
        if (failed > 0) return reject(new Error(`${name}: ${failed} requests failed`));
        const sorted = Array.from(latencies).sort((a, b) => a - b);
        const at = (q: number) =>
          sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
        resolve({ name, throughput: count / seconds, p50: at(0.5), p99: at(0.99) });
      },
    );
  });
}

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

for (const path of paths) await load(`warm-up ${path.name}`, path.url, path.headers, warmup);
// Rounds interleave the paths, so a change in machine load hits all of them alike; the median
// round is reported.
const byPath = new Map<string, Result[]>(paths.map((path) => [path.name, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const path of paths) {
    byPath.get(path.name)?.push(await load(path.name, path.url, path.headers, requests / rounds));
  }
}
const median = (results: Result[]): Result => {
  const sorted = [...results].sort((a, b) => a.throughput - b.throughput);
  const mid = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    name: sorted[0]?.name ?? '',
    throughput: mid(results.map((r) => r.throughput)),
    p50: mid(results.map((r) => r.p50)),
    p99: mid(results.map((r) => r.p99)),
  };
};
const [bareResult, gatewayBare, direct, viaGateway] = paths.map((path) =>
  median(byPath.get(path.name) ?? []),
) as [Result, Result, Result, Result];

const row = (r: Result) =>
  `| ${r.name.padEnd(30)} | ${r.throughput.toFixed(0).padStart(8)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(7)} |`;
console.log(
  `\n${requests} requests per path in ${rounds} interleaved rounds (median round shown), ` +
    `${concurrency} concurrent, keep-alive; load generator on a worker thread\n`,
);
console.log('| path                           |    req/s | p50 ms  | p99 ms  |');
console.log('| ------------------------------ | -------: | ------: | ------: |');
for (const result of [bareResult, gatewayBare, direct, viaGateway]) console.log(row(result));
const percent = (a: Result, b: Result) => `${((a.throughput / b.throughput) * 100).toFixed(0)}%`;
console.log(
  `\ngateway → identity me / bare: ${percent(viaGateway, bareResult)} of the throughput (target ≥ 50%)`,
);
console.log(
  `gateway → bare / bare: ${percent(gatewayBare, bareResult)} of the throughput; ` +
    `p50 added ${(gatewayBare.p50 - bareResult.p50).toFixed(2)} ms (target ≤ 1 ms)`,
);
console.log(
  `gateway → identity me / identity direct: ${percent(viaGateway, direct)}; ` +
    `p50 added ${(viaGateway.p50 - direct.p50).toFixed(2)} ms`,
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
