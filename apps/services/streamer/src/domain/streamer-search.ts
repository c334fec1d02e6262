import type { StreamerSearchSort, searchStreamersInput } from '@gametriggers/contracts';
import type { z } from 'zod';
import { cursorParts, keysetCursor } from '@gametriggers/contracts';
import type { Prisma, Streamer } from '../generated/prisma/client';
import type { StreamerDeps } from './deps';
import { platformsByStreamer, streamerCardView } from './profile-view';

type SearchInput = z.output<typeof searchStreamersInput>;

const countSort = (column: 'followers' | 'averageViewers') => {
  const codec = keysetCursor(`streamers.${column}`, {
    value: cursorParts.integer(0),
    id: cursorParts.id,
  });
  return {
    column,
    decode: codec.decode,
    after: (row: Streamer) => codec.encode({ value: row[column], id: row.id }),
  };
};
const newestCodec = keysetCursor('streamers.newest', {
  value: cursorParts.instant,
  id: cursorParts.id,
});

/** Each sort orders `(column DESC, id DESC)` and has its own cursor: one from another sort is refused. */
const sorts = {
  followers: countSort('followers'),
  averageViewers: countSort('averageViewers'),
  newest: {
    column: 'createdAt',
    decode: newestCodec.decode,
    after: (row: Streamer) => newestCodec.encode({ value: row.createdAt, id: row.id }),
  },
} satisfies Record<
  StreamerSearchSort,
  {
    column: string;
    decode(cursor: string): { value: unknown; id: string };
    after(row: Streamer): string;
  }
>;

/** Rows after the cursor's position in `(column DESC, id DESC)` order. */
function afterCursor(
  column: string,
  position: { value: unknown; id: string },
): Prisma.StreamerWhereInput {
  return {
    OR: [
      { [column]: { lt: position.value } },
      { [column]: position.value, id: { lt: position.id } },
    ],
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
    ...(input.minReputation ? { reputation: { gte: input.minReputation } } : {}),
    ...(input.liveOnly ? { live: true } : {}),
    ...(query ? { searchText: { contains: query } } : {}),
  };
}

/** Brands' discovery: filters ANDed (categories: any of them), keyset pages, most relevant first. */
export async function searchStreamers(deps: StreamerDeps, input: SearchInput) {
  const sort = sorts[input.sort];
  const position = input.cursor ? sort.decode(input.cursor) : undefined;
  const rows = await deps.db.streamer.findMany({
    where: {
      AND: [searchFilters(input), ...(position ? [afterCursor(sort.column, position)] : [])],
    },
    orderBy: [{ [sort.column]: 'desc' }, { id: 'desc' }],
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
    nextCursor: rows.length > input.limit && last ? sort.after(last) : null,
  };
}
