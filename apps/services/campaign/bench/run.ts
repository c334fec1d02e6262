/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Discovery at scale: seeds 100k campaigns (mixed statuses, targeting and sizes) and 10k streamer
 * profiles, then runs discovery for random streamers — straight through the domain function, and
 * over HTTP through the running service with one real streamer from the streamer service.
 *   pnpm --filter @gametriggers/campaign-service bench  [CAMPAIGNS=100000 QUERIES=5000 CONCURRENCY=8]
 */
import type { DiscoverySort } from '@gametriggers/contracts';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import { startStreamerHarness } from '@gametriggers/streamer-service/testing';
import {
  createTestDatabase,
  createTestRedisNamespace,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import { createLogger } from '@gametriggers/trpc';
import { createTRPCClient, httpLink } from '@trpc/client';
import pg from 'pg';
import superjson from 'superjson';
import { startCampaignService } from '../src/app';
import { createCampaignDb } from '../src/database';
import { discoverCampaigns, discoverySql } from '../src/domain/discovery';
import type { CampaignRouter } from '../src/router';
import { campaignMigrationsDir, campaignTestServiceSecret } from '../src/testing/campaign-harness';
import { measure, summarize } from './latency-stats';
import { seedSyntheticCampaigns, seededRandom, syntheticStreamer } from './synthetic-data';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const CAMPAIGNS = Number(process.env.CAMPAIGNS ?? (dryRun ? 100 : 100_000));
const STREAMERS = Number(process.env.STREAMERS ?? (dryRun ? 10 : 10_000));
const QUERIES = Number(process.env.QUERIES ?? (dryRun ? 4 : 5_000));
const CONCURRENCY = Number(process.env.CONCURRENCY ?? (dryRun ? 2 : 8));
const HTTP_REQUESTS = Number(process.env.HTTP_REQUESTS ?? (dryRun ? 2 : 2_000));
const sorts: DiscoverySort[] = ['newest', 'highest_rate', 'ending_soon', 'budget_left'];

async function main() {
  const now = new Date();
  const database = await createTestDatabase(campaignMigrationsDir, 'campaign_bench');
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const db = createCampaignDb(database.url);
  // Connections close before the database is dropped (a dropped database's open connections error).
  const cleanups: Array<() => Promise<unknown>> = [
    () => pool.end(),
    () => db.$disconnect(),
    () => database.drop(),
  ];
  try {
    let started = performance.now();
    await seedSyntheticCampaigns(pool, CAMPAIGNS, now);
    const { rows: statusRows } = await pool.query<{ status: string; count: string }>(
      `SELECT "status", count(*) FROM "campaigns" GROUP BY 1 ORDER BY 2 DESC`,
    );
    console.log(
      `Seeded ${CAMPAIGNS} campaigns in ${((performance.now() - started) / 1000).toFixed(1)} s:`,
      statusRows.map((row) => `${row.status} ${row.count}`).join(', '),
    );

    const random = seededRandom(7);
    const streamers = Array.from({ length: STREAMERS }, () => syntheticStreamer(random));
    const queryFor = (index: number) => {
      const profile = streamers[Math.floor(random.next() * streamers.length)]!;
      const sort = sorts[index % sorts.length]!;
      const narrowed = random.next() < 0.2;
      return {
        profile,
        query: {
          sort,
          limit: 20,
          ...(narrowed
            ? {
                category: profile.categories[0],
                pricingModel: random.weighted([
                  ['cpm', 1],
                  ['cpc', 1],
                  ['fixed', 1],
                ] as const),
              }
            : {}),
        },
      };
    };

    // Plans: every sort must read the partial indexes of active campaigns.
    const sample = streamers[0]!;
    for (const sort of sorts) {
      const { sql, params } = discoverySql(sample, { sort, limit: 20 }, now);
      const explained = await pool.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        params,
      );
      const plan = explained.rows.map((row) => row['QUERY PLAN']);
      const scans = [
        ...new Set(
          plan
            .join('\n')
            .match(/(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)( using| on) \w+/g) ??
            [],
        ),
      ];
      const time = plan.find((line) => line.startsWith('Execution Time'));
      console.log(`EXPLAIN ${sort}: ${scans.join('; ')}; ${time}`);
      if (process.env.SHOW_PLANS) console.log(plan.join('\n'));
    }

    // Warm up, then measure one at a time (latency) and with concurrency (throughput).
    await measure(200, 1, (index) => {
      const { profile, query } = queryFor(index);
      return discoverCampaigns(db, profile, query, now);
    });
    let returned = 0;
    let empty = 0;
    const perSort = new Map<DiscoverySort, number[]>();
    const sequential = await measure(QUERIES, 1, async (index) => {
      const { profile, query } = queryFor(index);
      const begun = performance.now();
      const page = await discoverCampaigns(db, profile, query, now);
      const ms = performance.now() - begun;
      perSort.set(query.sort, [...(perSort.get(query.sort) ?? []), ms]);
      returned += page.items.length;
      if (page.items.length === 0) empty += 1;
      if (page.nextCursor && index % 10 === 0)
        await discoverCampaigns(db, profile, { ...query, cursor: page.nextCursor }, now);
    });
    console.log(
      `\nDirect (domain function), one at a time: ${summarize(sequential.latencies, sequential.seconds).line}`,
    );
    console.log(
      `  ${(returned / QUERIES).toFixed(1)} campaigns per page on average; ${((100 * empty) / QUERIES).toFixed(1)}% of streamers match nothing`,
    );
    for (const [sort, latencies] of perSort)
      console.log(`  ${sort.padEnd(12)} ${summarize(latencies).line}`);
    const concurrent = await measure(QUERIES, CONCURRENCY, (index) => {
      const { profile, query } = queryFor(index);
      return discoverCampaigns(db, profile, query, now);
    });
    console.log(
      `Direct, ${CONCURRENCY} in flight: ${summarize(concurrent.latencies, concurrent.seconds).line}`,
    );

    // Over HTTP: the running service, which asks the real streamer service for the caller's targeting
    // once and keeps a copy (the figure through the gateway is the gateway's bench).
    started = performance.now();
    const issuer = await startTestTokenIssuer();
    cleanups.unshift(() => issuer.close());
    const streamerHarness = await startStreamerHarness({ jwksUrl: issuer.jwksUrl });
    cleanups.unshift(() => streamerHarness.close());
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    await streamerHarness.onboardedStreamer(token, {
      categories: ['fps', 'just_chatting'],
      language: 'en',
      country: 'US',
      followers: 3_000,
      averageViewers: 60,
    });
    const redis = createTestRedisNamespace('campaign_bench');
    cleanups.unshift(() => redis.clear());
    const service = await startCampaignService({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: 0,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      IDENTITY_JWKS_URL: issuer.jwksUrl,
      TOKEN_ISSUER: 'gametriggers-identity',
      TOKEN_AUDIENCE: 'gametriggers',
      SERVICE_SECRET: campaignTestServiceSecret,
      BRAND_SERVICE_URL: 'http://127.0.0.1:9',
      STREAMER_SERVICE_URL: streamerHarness.url,
      PAYMENT_SERVICE_URL: 'http://127.0.0.1:9',
      ASSET_SERVICE_URL: 'http://127.0.0.1:9',
      ADMIN_SERVICE_URL: 'http://127.0.0.1:9',
      platformConfig: fixedPlatformConfig(),
      COMPLETION_SWEEP_EVERY_MS: 3_600_000,
      queuePrefix: redis.prefix,
      log: createLogger('campaign', 'warn'),
    });
    cleanups.unshift(() => service.close(1_000));
    const client = createTRPCClient<CampaignRouter>({
      links: [
        httpLink({
          url: `${service.url}/trpc`,
          transformer: superjson,
          headers: { authorization: `Bearer ${token}` },
        }),
      ],
    });
    await measure(100, 4, () => client.campaign.discover.query({ limit: 20 }));
    const overHttp = await measure(HTTP_REQUESTS, CONCURRENCY, (index) =>
      client.campaign.discover.query({ limit: 20, sort: sorts[index % sorts.length] }),
    );
    console.log(
      `\nHTTP campaign.discover (the streamer's targeting from discovery's copy, then the query), ${CONCURRENCY} in flight: ${summarize(overHttp.latencies, overHttp.seconds).line}`,
    );
    const oneAtATime = await measure(Math.min(500, HTTP_REQUESTS), 1, (index) =>
      client.campaign.discover.query({ limit: 20, sort: sorts[index % sorts.length] }),
    );
    console.log(
      `HTTP campaign.discover, one at a time: ${summarize(oneAtATime.latencies, oneAtATime.seconds).line}`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error(error));
  }
}

await main();
