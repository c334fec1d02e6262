import type {
  ContentCategory,
  DiscoverySort,
  PricingModel,
  StreamerMatchingProfile,
} from '@gametriggers/contracts';
import { cursorParts, keysetCursor } from '@gametriggers/contracts';
import type { CampaignDb } from '../database';
import type { Campaign } from '../generated/prisma/client';
import type { PublicCampaignView } from '../schemas';
import { publicCampaignView } from './campaign-views';

export interface DiscoveryQuery {
  category?: ContentCategory | undefined;
  pricingModel?: PricingModel | undefined;
  minRateCents?: number | undefined;
  sort: DiscoverySort;
  cursor?: string | undefined;
  limit: number;
}

interface DiscoverySortKey {
  column: 'startsAt' | 'endsAt' | 'rateCents' | 'remainingBudgetCents';
  descending: boolean;
  cast: 'timestamptz' | 'int';
  /** Each sort has its own cursor: one made for another sort is refused. */
  decodeCursor(cursor: string): { value: Date | number; id: string };
  cursorAfter(row: Campaign): string;
}

function instantSort(column: 'startsAt' | 'endsAt', descending: boolean): DiscoverySortKey {
  const codec = keysetCursor(`discovery.${column}`, {
    value: cursorParts.instant,
    id: cursorParts.id,
  });
  return {
    column,
    descending,
    cast: 'timestamptz',
    decodeCursor: codec.decode,
    cursorAfter: (row) => codec.encode({ value: row[column], id: row.id }),
  };
}

function centsSort(column: 'rateCents' | 'remainingBudgetCents'): DiscoverySortKey {
  const codec = keysetCursor(`discovery.${column}`, {
    value: cursorParts.integer(0),
    id: cursorParts.id,
  });
  return {
    column,
    descending: true,
    cast: 'int',
    decodeCursor: codec.decode,
    cursorAfter: (row) => codec.encode({ value: row[column], id: row.id }),
  };
}

/** Each sort reads one partial index on active campaigns in order (see the init migration). */
const sortKeys: Record<DiscoverySort, DiscoverySortKey> = {
  newest: instantSort('startsAt', true),
  highest_rate: centsSort('rateCents'),
  ending_soon: instantSort('endsAt', false),
  budget_left: centsSort('remainingBudgetCents'),
};

type DiscoveryProfile = Pick<
  StreamerMatchingProfile,
  'categories' | 'language' | 'country' | 'followers' | 'averageViewers'
>;

/**
 * The SQL of one discovery page: active, started, not ended, budget left, and targeting matched on
 * category AND language AND region AND size — `targetingMismatches` of the contracts, written as
 * SQL so it runs on the indexes (empty languages/regions mean any).
 */
export function discoverySql(profile: DiscoveryProfile, query: DiscoveryQuery, now: Date) {
  const params: unknown[] = [];
  const param = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const conditions = [
    `"status" = 'active'`,
    `"startsAt" <= ${param(now, 'timestamptz')}`,
    `"endsAt" > ${param(now, 'timestamptz')}`,
    `"remainingBudgetCents" > 0`,
    `"categories" && ${param(profile.categories, 'text[]')}`,
    `("languages" = '{}' OR "languages" @> ${param([profile.language], 'text[]')})`,
    `("regions" = '{}' OR "regions" @> ${param([profile.country], 'text[]')})`,
    `"minFollowers" <= ${param(profile.followers, 'int')}`,
    `"minAverageViewers" <= ${param(profile.averageViewers, 'int')}`,
  ];
  if (query.category) conditions.push(`"categories" @> ${param([query.category], 'text[]')}`);
  if (query.pricingModel)
    conditions.push(`"pricingModel" = ${param(query.pricingModel, '"PricingModel"')}`);
  if (query.minRateCents !== undefined)
    conditions.push(`"rateCents" >= ${param(query.minRateCents, 'int')}`);

  const sort = sortKeys[query.sort];
  const column = `"${sort.column}"`;
  const direction = sort.descending ? 'DESC' : 'ASC';
  if (query.cursor) {
    const { value, id } = sort.decodeCursor(query.cursor);
    const comparison = sort.descending ? '<' : '>';
    conditions.push(
      `(${column}, "id") ${comparison} (${param(value, sort.cast)}, ${param(id, 'uuid')})`,
    );
  }
  // The page's ids come from one covering index (an index-only scan); then its rows by id.
  const order = `${column} ${direction}, "id" ${direction}`;
  const sql = `SELECT "campaigns".* FROM (
      SELECT "id", ${column} FROM "campaigns" WHERE ${conditions.join(' AND ')}
      ORDER BY ${order} LIMIT ${param(query.limit + 1, 'int')}
    ) AS "page" JOIN "campaigns" USING ("id")
    ORDER BY "page".${order.replace(', "id"', ', "page"."id"')}`;
  return { sql, params, sort };
}

/** Campaigns a streamer can join now, one keyset page at a time. */
export async function discoverCampaigns(
  db: CampaignDb,
  profile: DiscoveryProfile,
  query: DiscoveryQuery,
  now: Date,
): Promise<{ items: PublicCampaignView[]; nextCursor: string | null }> {
  const { sql, params, sort } = discoverySql(profile, query, now);
  const rows = await db.$queryRawUnsafe<Campaign[]>(sql, ...params);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(publicCampaignView),
    nextCursor: rows.length > query.limit && last ? sort.cursorAfter(last) : null,
  };
}
