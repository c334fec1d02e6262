/* eslint-disable no-console -- a benchmark prints its figures */
// Join benchmark: the participation domain on a real PostgreSQL database, with the campaign and
// streamer lookups answered in-process, so the figures are the participation service's own cost
// (checks, row locks, writes, outbox) without HTTP or the other services.
//
//   pnpm --filter @gametriggers/participation-service bench
//   BENCH_STREAMERS=400 BENCH_CAMPAIGNS=5 BENCH_CONCURRENCY=32 BENCH_POOL=20 … bench
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type {
  CampaignForParticipation,
  ContentCategory,
  StreamerMatchingProfile,
} from '@gametriggers/contracts';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import { createLogger } from '@gametriggers/trpc';
import { createTestDatabase } from '@gametriggers/testing';
import { createParticipationDb } from '../src/database';
import type { ParticipationDeps } from '../src/domain/deps';
import { joinCampaign } from '../src/domain/join';
import { participationMigrationsDir } from '../src/testing/participation-harness';

// BENCH_DRY_RUN=1: one tiny iteration, to check the benchmark loads and runs to the end.
const dryRun = process.env.BENCH_DRY_RUN === '1';
const numberFrom = (name: string, fallback: number, dryRunFallback = fallback) =>
  Number(process.env[name] ?? (dryRun ? dryRunFallback : fallback));
const RACERS = numberFrom('BENCH_RACERS', 100, 3);
const STREAMERS = numberFrom('BENCH_STREAMERS', 200, 2);
const CAMPAIGNS = Math.min(numberFrom('BENCH_CAMPAIGNS', 5, 2), 10);
const CONCURRENCY = numberFrom('BENCH_CONCURRENCY', 32, 2);
const POOL = numberFrom('BENCH_POOL', 20);

const categories: ContentCategory[] = ['fps', 'rpg', 'moba', 'strategy', 'sports', 'racing'];

function campaignFor(category: ContentCategory, brandId = randomUUID()): CampaignForParticipation {
  const now = Date.now();
  return {
    campaignId: randomUUID(),
    brandId,
    title: `Bench ${category}`,
    status: 'active',
    joinMode: 'open',
    categories: [category],
    languages: ['en'],
    regions: [],
    minFollowers: 0,
    minAverageViewers: 0,
    gkeyCooloffHours: 720,
    maxParticipants: null,
    remainingBudgetCents: 1_000_000,
    startsAt: new Date(now - 3_600_000),
    endsAt: new Date(now + 30 * 86_400_000),
  };
}

function streamerWith(streamerCategories: ContentCategory[]): StreamerMatchingProfile {
  return {
    streamerId: randomUUID(),
    displayName: 'Bench streamer',
    categories: streamerCategories,
    language: 'en',
    country: 'US',
    timezone: 'America/New_York',
    followers: 5_000,
    averageViewers: 120,
    live: false,
  };
}

function percentile(sortedMs: number[], p: number) {
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))] ?? 0;
}

async function main() {
  const database = await createTestDatabase(participationMigrationsDir, 'participation_bench');
  const db = createParticipationDb(database.url, POOL);
  const campaigns = new Map<string, CampaignForParticipation>();
  const streamers = new Map<string, StreamerMatchingProfile>();
  const deps: ParticipationDeps = {
    db,
    now: () => new Date(),
    log: createLogger('participation-bench'),
    campaigns: { forParticipation: (id) => Promise.resolve(campaigns.get(id) ?? null) },
    streamers: { matchingProfile: (id) => Promise.resolve(streamers.get(id) ?? null) },
    platformConfig: fixedPlatformConfig(),
  };
  const addCampaign = (campaign: CampaignForParticipation) => {
    campaigns.set(campaign.campaignId, campaign);
    return campaign;
  };
  const addStreamer = (profile: StreamerMatchingProfile) => {
    streamers.set(profile.streamerId, profile);
    return profile;
  };

  try {
    console.log(
      `participation join benchmark — domain on real PostgreSQL (pool ${POOL}), campaign/streamer lookups in-process`,
    );

    // 1. Racing for one G-Key: one streamer, RACERS open campaigns in the same category, all at once.
    const racer = addStreamer(streamerWith(['fps']));
    const contested = Array.from({ length: RACERS }, () => addCampaign(campaignFor('fps')));
    const raceStart = performance.now();
    const outcomes = await Promise.allSettled(
      contested.map((campaign) =>
        joinCampaign(deps, racer.streamerId, { campaignId: campaign.campaignId }),
      ),
    );
    const raceMs = performance.now() - raceStart;
    const successes = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    const refusals = new Map<string, number>();
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        const reason = (outcome.reason as { reason?: string }).reason ?? String(outcome.reason);
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
      }
    }
    const energy = await db.energyPack.findUniqueOrThrow({
      where: { streamerId: racer.streamerId },
    });
    console.log(
      `\n[race] ${RACERS} concurrent joins for the same G-Key: successes ${successes} (must be 1), ` +
        `refused ${[...refusals].map(([reason, n]) => `${reason}×${n}`).join(', ')}, ` +
        `energy spent ${energy.used}, ${raceMs.toFixed(0)} ms total`,
    );
    if (successes !== 1 || energy.used !== 1) {
      throw new Error('The race let more or fewer than one join through');
    }

    // 2. Non-conflicting joins: every streamer joins every campaign (one key per category each).
    const joinable = categories
      .slice(0, CAMPAIGNS)
      .map((category) => addCampaign(campaignFor(category)));
    const crowd = Array.from({ length: STREAMERS }, () =>
      addStreamer(streamerWith(categories.slice(0, CAMPAIGNS))),
    );
    // Interleaved so concurrent joins mostly belong to different streamers, as in real traffic.
    const work = joinable.flatMap((campaign) => crowd.map((streamer) => ({ streamer, campaign })));
    const latencies: number[] = [];
    let next = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < work.length) {
          const job = work[next++]!;
          const t0 = performance.now();
          try {
            await joinCampaign(deps, job.streamer.streamerId, {
              campaignId: job.campaign.campaignId,
            });
          } catch (error) {
            failed += 1;
            console.error(error);
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `[throughput] ${work.length} non-conflicting joins (${STREAMERS} streamers × ${CAMPAIGNS} campaigns), ` +
        `concurrency ${CONCURRENCY}: ${(work.length / elapsedS).toFixed(0)} joins/s (target ≥ 500/s), ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
        `failures ${failed}`,
    );
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

await main();
