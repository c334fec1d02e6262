import { cursorParts, keysetCursor } from '@gametriggers/contracts';

/** Newest first by (createdAt, id): the cursor is the last row's pair, opaque to callers. */
export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

const newestFirstCursor = keysetCursor('participation.newest', {
  createdAt: cursorParts.instant,
  id: cursorParts.id,
});

/** The position a cursor of ours carries (`undefined` for the first page); anything else is refused. */
export const decodeCursor = newestFirstCursor.decodeOptional;

/** The Prisma `where` for rows after `position` in newest-first order. */
export function afterPosition(position: KeysetPosition | undefined) {
  if (!position) return {};
  return {
    OR: [
      { createdAt: { lt: position.createdAt } },
      { createdAt: position.createdAt, id: { lt: position.id } },
    ],
  };
}

export const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/** Fetch `limit + 1` rows; this turns them into a page. */
export function pageOf<Row extends KeysetPosition, Item>(
  rows: Row[],
  limit: number,
  view: (row: Row) => Item,
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor: rows.length > limit && last ? newestFirstCursor.encode(last) : null,
  };
}
