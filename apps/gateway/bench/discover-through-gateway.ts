/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * `campaign.discover` through the gateway on 100k campaigns, next to the same page read straight
 * from the service and the discovery SQL alone over a pg pool (the baselines, in the same run).
 *   pnpm --filter @gametriggers/gateway bench  [CAMPAIGNS=100000 REQUESTS=6000 CONCURRENCY=8]
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { ContentCategory, DiscoverySort } from '@gametriggers/contracts';
import { seedSyntheticCampaigns, seededRandom, syntheticStreamer } from '@gametriggers/campaign-service/bench-data';
import { discoverySql } from '@gametriggers/campaign-service/discovery';
import { campaignTestServiceSecret, startCampaignHarness } from '@gametriggers/campaign-service/testing';
import { startStreamerHarness } from '@gametriggers/streamer-service/testing';
import { createTestRedisNamespace, fixedClock, startTestTokenIssuer } from '@gametriggers/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import superjson from 'superjson';
import { createGateway } from '../src/server';
import { testGatewayOptions } from '../src/test-options';
import type { LoadResult, LoadTarget } from './http-load';
import { load, loadHeader, loadRow, medianOf } from './http-load';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const CAMPAIGNS = Number(process.env.CAMPAIGNS ?? (dryRun ? 200 : 100_000));
const STREAMERS = Number(process.env.STREAMERS ?? (dryRun ? 2 : 40));
const REQUESTS = Number(process.env.REQUESTS ?? (dryRun ? 8 : 6_000));
const SEQUENTIAL = Number(process.env.SEQUENTIAL_REQUESTS ?? (dryRun ? 4 : 1_500));
const CONCURRENCY = Number(process.env.CONCURRENCY ?? (dryRun ? 2 : 8));
const ROUNDS = Number(process.env.ROUNDS ?? (dryRun ? 1 : 3));
const sorts: DiscoverySort[] = ['newest', 'highest_rate', 'ending_soon', 'budget_left'];

const clock = fixedClock(new Date());
const cleanups: Array<() => Promise<unknown>> = [];
try {
  const issuer = await startTestTokenIssuer();
  cleanups.unshift(() => issuer.close());
  const streamers = await startStreamerHarness({ jwksUrl: issuer.jwksUrl });
  cleanups.unshift(() => streamers.close());
  const campaigns = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: 'http://127.0.0.1:9',
    streamerServiceUrl: streamers.url,
    clock,
  });
  cleanups.unshift(() => campaigns.close());
  const pool = new pg.Pool({ connectionString: campaigns.config.DATABASE_URL, max: CONCURRENCY });
  cleanups.unshift(() => pool.end());
  let started = performance.now();
  await seedSyntheticCampaigns(pool, CAMPAIGNS, clock.now());
  console.log(`Seeded ${CAMPAIGNS} campaigns in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Streamers with the synthetic audience's profiles, each signed in.
  const random = seededRandom(11);
  const callers = [];
  for (let index = 0; index < STREAMERS; index += 1) {
    const profile = syntheticStreamer(random);
    const person = { userId: randomUUID(), email: `bench-${index}@example.com`, role: 'streamer' as const, permissions: [] };
    const token = await issuer.tokenFor(person);
    await streamers.onboardedStreamer(token, {
      categories: profile.categories as [ContentCategory, ...ContentCategory[]],
      language: profile.language,
      country: profile.country,
      followers: profile.followers,
      averageViewers: profile.averageViewers,
    });
    callers.push({ token, profile });
  }

  const namespace = createTestRedisNamespace('bench');
  cleanups.unshift(() => namespace.clear());
  const redis = new Redis(namespace.url, { enableAutoPipelining: true });
  cleanups.unshift(() => Promise.resolve(redis.disconnect()));
  const gateway = await createGateway(
    testGatewayOptions({
      identity: { url: 'http://127.0.0.1:9', jwksUrl: issuer.jwksUrl },
      serviceSecret: campaignTestServiceSecret,
      redis,
      rateLimitPrefix: namespace.prefix,
      now: () => new Date(),
      serviceUrls: { campaign: campaigns.url },
      overrides: {
        rateLimits: { windowMs: 60_000, perUser: 1e9, perIp: 1e9, keyPrefix: namespace.prefix },
        timeouts: { connectMs: 1_000, responseMs: 30_000 },
      },
    }),
  );
  cleanups.unshift(() => gateway.close(100));

  // Every caller under every sort: the first page of 20.
  const pages = callers.flatMap(({ token, profile }) =>
    sorts.map((sort) => ({ token, profile, sort, input: encodeURIComponent(JSON.stringify(superjson.serialize({ limit: 20, sort }))) })),
  );
  const targets = (base: string): LoadTarget[] =>
    pages.map(({ token, input }) => ({ url: `${base}?input=${input}`, headers: { authorization: `Bearer ${token}` } }));
  const paths = [
    { name: 'campaign.discover direct', targets: targets(`${campaigns.url}/trpc/campaign.discover`) },
    { name: 'gateway → campaign.discover', targets: targets(`${gateway.url}/api/campaign/campaign.discover`) },
  ];

  // The baseline: the same pages' SQL alone, over a pg pool, from this thread.
  async function sqlAlone(count: number, concurrency: number): Promise<LoadResult> {
    const latencies: number[] = [];
    let next = 0;
    const begun = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const { profile, sort } = pages[next++ % pages.length]!;
          const { sql, params } = discoverySql(profile, { sort, limit: 20 }, clock.now());
          const at = performance.now();
          await pool.query(sql, params);
          latencies.push(performance.now() - at);
        }
      }),
    );
    const seconds = (performance.now() - begun) / 1000;
    latencies.sort((a, b) => a - b);
    const q = (f: number) => latencies[Math.min(latencies.length - 1, Math.floor(f * latencies.length))] ?? 0;
    return { name: 'discovery SQL alone (pg pool)', throughput: count / seconds, p50: q(0.5), p99: q(0.99) };
  }

  started = performance.now();
  for (const path of paths) await load(`warm-up ${path.name}`, path.targets, Math.min(1_000, REQUESTS), CONCURRENCY);
  await sqlAlone(Math.min(1_000, REQUESTS), CONCURRENCY);
  const concurrent = new Map<string, LoadResult[]>();
  const oneByOne = new Map<string, LoadResult[]>();
  const record = (into: Map<string, LoadResult[]>, result: LoadResult) =>
    into.set(result.name, [...(into.get(result.name) ?? []), result]);
  for (let round = 0; round < ROUNDS; round += 1) {
    record(concurrent, await sqlAlone(Math.floor(REQUESTS / ROUNDS), CONCURRENCY));
    record(oneByOne, await sqlAlone(Math.floor(SEQUENTIAL / ROUNDS), 1));
    for (const path of paths) {
      record(concurrent, await load(path.name, path.targets, Math.floor(REQUESTS / ROUNDS), CONCURRENCY));
      record(oneByOne, await load(path.name, path.targets, Math.floor(SEQUENTIAL / ROUNDS), 1));
    }
  }
  const table = (results: Map<string, LoadResult[]>) => [...results.values()].map(medianOf);
  const [sqlMany, directMany, gatewayMany] = table(concurrent) as [LoadResult, LoadResult, LoadResult];
  const [sqlOne, directOne, gatewayOne] = table(oneByOne) as [LoadResult, LoadResult, LoadResult];

  console.log(
    `\n${STREAMERS} streamers × ${sorts.length} sorts, first page of 20, ${ROUNDS} interleaved rounds (median shown); ` +
      `HTTP load on a worker thread, keep-alive\n`,
  );
  console.log(`${CONCURRENCY} in flight (${REQUESTS} requests):\n${loadHeader}`);
  for (const result of [sqlMany, directMany, gatewayMany]) console.log(loadRow(result));
  console.log(`\nOne at a time (${SEQUENTIAL} requests):\n${loadHeader}`);
  for (const result of [sqlOne, directOne, gatewayOne]) console.log(loadRow(result));
  console.log(
    `\ngateway → campaign.discover at ${CONCURRENCY} in flight: ${gatewayMany.throughput.toFixed(0)}/s (target ≥ 1,000/s), ` +
      `p99 ${gatewayMany.p99.toFixed(1)} ms (target ≤ 30 ms)`,
  );
  console.log(`gateway → campaign.discover one at a time: p50 ${gatewayOne.p50.toFixed(2)} ms (target ≤ 3 ms)`);
  console.log(`machine load average at the end: ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
} finally {
  for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error(error));
}
process.exit(0);
