import { randomUUID } from 'node:crypto';
import type {
  ContentCategory,
  Country,
  Language,
  StreamerMatchingProfile,
} from '@gametriggers/contracts';
import { contentCategories, countries, languages } from '@gametriggers/contracts';
import type pg from 'pg';

const INSERT_BATCH = 1_000;

/** A seeded PRNG (mulberry32), so every run benchmarks the same data. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  /** Earlier entries are likelier (Zipf-like), as real audiences are. */
  const skewed = <T>(list: readonly T[]) => list[Math.floor(list.length * next() ** 2)]!;
  const some = <T>(list: readonly T[], count: number) => {
    const picked = new Set<T>();
    while (picked.size < count) picked.add(skewed(list));
    return [...picked];
  };
  const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>) => {
    let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll <= 0) return value;
    }
    return entries.at(-1)![0];
  };
  return { next, int, skewed, some, weighted };
}
type Random = ReturnType<typeof seededRandom>;

const categoryIds = contentCategories.map<ContentCategory>((category) => category.id);
const languageIds = languages.map<Language>((language) => language.id);
const countryIds = countries.map<Country>((country) => country.id);
const DAY = 86_400_000;

export const campaignColumns = [
  'id',
  'brandId',
  'brandName',
  'title',
  'description',
  'creativeType',
  'creativeUrl',
  'clickThroughUrl',
  'categories',
  'languages',
  'regions',
  'minFollowers',
  'minAverageViewers',
  'startsAt',
  'endsAt',
  'budgetCents',
  'remainingBudgetCents',
  'pricingModel',
  'rateCents',
  'adDurationSeconds',
  'minMinutesBetweenShows',
  'maxShowsPerHour',
  'status',
  'launchedAt',
  'updatedAt',
] as const;

/** One campaign row in `campaignColumns` order: mixed statuses, targeting, sizes, schedules. */
export function syntheticCampaign(random: Random, brandIds: string[], now: Date): unknown[] {
  const status = random.weighted([
    ['active', 45],
    ['paused', 10],
    ['completed', 15],
    ['draft', 10],
    ['pending_review', 8],
    ['cancelled', 7],
    ['rejected', 5],
  ] as const);
  // Most live campaigns started in the last 60 days; some start later, a few have passed their end.
  const startsAt = new Date(
    now.getTime() +
      (random.next() < 0.1 ? random.int(1, 30) : -random.int(0, 60)) * DAY -
      random.int(0, DAY),
  );
  const endsAt = new Date(startsAt.getTime() + random.int(7, 90) * DAY);
  const budgetCents = random.int(100, 50_000) * 100;
  const model = random.weighted([
    ['cpm', 60],
    ['cpc', 25],
    ['fixed', 15],
  ] as const);
  const rateCents =
    model === 'cpm'
      ? random.int(200, 4_000)
      : model === 'cpc'
        ? random.int(10, 300)
        : random.int(50, 2_000) * 100;
  const remainingBudgetCents = random.next() < 0.03 ? 0 : random.int(0, budgetCents);
  return [
    randomUUID(),
    random.skewed(brandIds),
    'Synthetic Brand',
    `Campaign ${random.int(1, 1e9)}`,
    'A synthetic campaign for the discovery benchmark.',
    random.next() < 0.8 ? 'image' : 'video',
    'https://cdn.example.com/creative.png',
    'https://brand.example.com/offer',
    random.some(categoryIds, random.int(1, 5)),
    random.next() < 0.4 ? [] : random.some(languageIds, random.int(1, 3)),
    random.next() < 0.35 ? [] : random.some(countryIds, random.int(1, 6)),
    random.weighted([
      [0, 40],
      [100, 15],
      [500, 15],
      [1_000, 12],
      [5_000, 10],
      [10_000, 5],
      [50_000, 3],
    ] as const),
    random.weighted([
      [0, 40],
      [5, 15],
      [10, 15],
      [25, 12],
      [50, 10],
      [100, 5],
      [500, 3],
    ] as const),
    startsAt,
    endsAt,
    budgetCents,
    remainingBudgetCents,
    model,
    rateCents,
    random.int(5, 60),
    random.int(5, 30),
    random.int(1, 6),
    status,
    status === 'active' && startsAt <= now ? startsAt : null,
    now,
  ];
}

/** A streamer's matching profile: 1–3 categories, one language and country, a size. */
export function syntheticStreamer(random: Random): StreamerMatchingProfile {
  const followers = Math.floor(10 ** (1 + random.next() * 4.5));
  return {
    streamerId: randomUUID(),
    displayName: 'Synthetic streamer',
    categories: random.some(categoryIds, random.int(1, 3)),
    language: random.skewed(languageIds),
    country: random.skewed(countryIds),
    timezone: 'UTC',
    followers,
    averageViewers: Math.floor(followers / random.int(20, 200)),
    live: false,
  };
}

/** `count` synthetic campaigns from a fixed seed, bulk-inserted, then vacuumed and analysed. */
export async function seedSyntheticCampaigns(pool: pg.Pool, count: number, now: Date) {
  const random = seededRandom(42);
  const brandIds = Array.from({ length: 2_000 }, () => randomUUID());
  const columnList = campaignColumns.map((column) => `"${column}"`).join(', ');
  for (let offset = 0; offset < count; offset += INSERT_BATCH) {
    const rows = Array.from({ length: Math.min(INSERT_BATCH, count - offset) }, () =>
      syntheticCampaign(random, brandIds, now),
    );
    const width = campaignColumns.length;
    const values = rows
      .map(
        (_, row) =>
          `(${campaignColumns.map((_, column) => `$${row * width + column + 1}`).join(', ')})`,
      )
      .join(', ');
    await pool.query(`INSERT INTO "campaigns" (${columnList}) VALUES ${values}`, rows.flat());
  }
  // What autovacuum does after a bulk load: statistics, hint bits and the visibility map that
  // index-only scans rely on.
  await pool.query('VACUUM ANALYZE "campaigns"');
}
