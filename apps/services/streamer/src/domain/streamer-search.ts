import type { StreamerSearchSort, searchStreamersInput } from '@gametriggers/contracts';
import type { z } from 'zod';
import { DomainError } from '@gametriggers/trpc';
import type { Prisma } from '../generated/prisma/client';
import type { StreamerDeps } from './deps';
import { platformsByStreamer, streamerCardView } from './profile-view';

type SortValue = number | string;
type SearchInput = z.output<typeof searchStreamersInput>;

interface SearchCursor {
  sort: StreamerSearchSort;
  value: SortValue;
  id: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

const invalidCursor = () =>
  new DomainError(
    'invalid',
    'cursor_invalid',
    'This page link is no longer valid; start the search again.',
  );

/** The cursor must come from a search with the same sort. */
export function decodeSearchCursor(raw: string, sort: StreamerSearchSort): SearchCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalidCursor();
  const [cursorSort, value, id] = parsed as unknown[];
  const valueFits =
    sort === 'newest'
      ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
      : typeof value === 'number' && Number.isInteger(value);
  if (cursorSort !== sort || !valueFits || typeof id !== 'string' || !uuidPattern.test(id))
    throw invalidCursor();
  return { sort, value: value as SortValue, id };
}

const sortColumn = {
  followers: 'followers',
  averageViewers: 'averageViewers',
  newest: 'createdAt',
} as const;

/** Rows after the cursor in `(column DESC, id DESC)` order. */
export function afterCursor(cursor: SearchCursor): Prisma.StreamerWhereInput {
  const column = sortColumn[cursor.sort];
  const value = cursor.sort === 'newest' ? new Date(cursor.value) : cursor.value;
  return {
    OR: [{ [column]: { lt: value } }, { [column]: value, id: { lt: cursor.id } }],
  };
}

export function searchFilters(input: SearchInput): Prisma.StreamerWhereInput {
  const query = input.query?.toLowerCase();
  return {
    ...(input.categories.length ? { categories: { hasSome: input.categories } } : {}),
    ...(input.languages.length ? { language: { in: input.languages } } : {}),
    ...(input.countries.length ? { country: { in: input.countries } } : {}),
    ...(input.minFollowers ? { followers: { gte: input.minFollowers } } : {}),
    ...(input.minAverageViewers ? { averageViewers: { gte: input.minAverageViewers } } : {}),
    ...(input.liveOnly ? { live: true } : {}),
    ...(query ? { searchText: { contains: query } } : {}),
  };
}

/** Brands' discovery: filters ANDed (categories: any of them), keyset pages, most relevant first. */
export async function searchStreamers(deps: StreamerDeps, input: SearchInput) {
  const cursor = input.cursor ? decodeSearchCursor(input.cursor, input.sort) : undefined;
  const column = sortColumn[input.sort];
  const rows = await deps.db.streamer.findMany({
    where: { AND: [searchFilters(input), ...(cursor ? [afterCursor(cursor)] : [])] },
    orderBy: [{ [column]: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const platforms = platformsByStreamer(
    await deps.db.streamerPlatform.findMany({
      where: { streamerId: { in: page.map((row) => row.id) } },
    }),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => streamerCardView(row, platforms.get(row.id) ?? [])),
    nextCursor:
      rows.length > input.limit && last
        ? encodeSearchCursor({
            sort: input.sort,
            value:
              input.sort === 'newest'
                ? last.createdAt.toISOString()
                : last[column as 'followers' | 'averageViewers'],
            id: last.id,
          })
        : null,
  };
}
