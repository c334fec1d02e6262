import { z } from 'zod';
import { instantSchema } from './instants';

/**
 * Keyset pagination's cursor: the sort columns and id of the last row of a page, opaque to
 * clients. One codec per sort, named, so a cursor made for one list or sort is refused by another;
 * every part is checked against the column it stands for (a date in range, an integer that fits,
 * a uuid), so a forged or damaged cursor is an `invalid_cursor` refusal, never a database error.
 */

export class InvalidCursorError extends Error {
  readonly reason = 'invalid_cursor';
  constructor() {
    super('This page link is no longer valid; start again from the first page.');
    this.name = 'InvalidCursorError';
  }
}

const MAX_CURSOR_LENGTH = 500;
const CURSOR_ALPHABET = /^[A-Za-z0-9_-]+$/;

/** A page cursor as a procedure's input: URL-safe base64 of bounded length, opaque otherwise. */
export const cursorInputSchema = z
  .string()
  .max(MAX_CURSOR_LENGTH, 'This page link is no longer valid; start again from the first page.')
  .regex(CURSOR_ALPHABET, 'This page link is no longer valid; start again from the first page.');

/** One column of a keyset position, as it travels inside a cursor. */
export interface CursorPart<T> {
  toWire(value: T): string | number;
  wire: z.ZodType<T>;
}

const INT4_MAX = 2_147_483_647;

export const cursorParts = {
  instant: {
    toWire: (value: Date) => value.toISOString(),
    wire: z.iso
      .datetime()
      .transform((text) => new Date(text))
      .pipe(instantSchema()),
  } satisfies CursorPart<Date>,
  id: { toWire: (value: string) => value, wire: z.uuid() } satisfies CursorPart<string>,
  /** An integer column (PostgreSQL `integer` unless told otherwise). */
  integer: (min = -INT4_MAX - 1, max = INT4_MAX): CursorPart<number> => ({
    toWire: (value) => value,
    wire: z.number().int().min(min).max(max),
  }),
};

type PartValue<P> = P extends CursorPart<infer T> ? T : never;
export type KeysetPosition<Parts extends Record<string, CursorPart<unknown>>> = {
  [K in keyof Parts]: PartValue<Parts[K]>;
};

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(cursor: string): string {
  const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export interface KeysetCursorCodec<Position> {
  encode: (position: Position) => string;
  /** The position a cursor of this codec carries; anything else throws `InvalidCursorError`. */
  decode: (cursor: string) => Position;
  /** `undefined` (the first page) for a missing cursor. */
  decodeOptional: (cursor: string | undefined) => Position | undefined;
}

/** A codec for the cursors of one sort of one list, e.g. `keysetCursor('campaigns.newest', {...})`. */
export function keysetCursor<Parts extends Record<string, CursorPart<unknown>>>(
  name: string,
  parts: Parts,
): KeysetCursorCodec<KeysetPosition<Parts>> {
  const keys = Object.keys(parts) as Array<keyof Parts & string>;
  const wire = z.tuple([z.literal(name), ...keys.map((key) => parts[key]!.wire)] as [
    z.ZodType,
    ...z.ZodType[],
  ]);

  function decode(cursor: string): KeysetPosition<Parts> {
    let parsed: unknown;
    try {
      if (!cursorInputSchema.safeParse(cursor).success) throw new InvalidCursorError();
      parsed = wire.parse(JSON.parse(fromBase64Url(cursor)));
    } catch {
      throw new InvalidCursorError();
    }
    const values = (parsed as unknown[]).slice(1);
    return Object.fromEntries(
      keys.map((key, index) => [key, values[index]]),
    ) as KeysetPosition<Parts>;
  }

  return {
    encode(position) {
      const values = keys.map((key) => (parts[key] as CursorPart<unknown>).toWire(position[key]));
      return toBase64Url(JSON.stringify([name, ...values]));
    },
    decode,
    decodeOptional: (cursor) => (cursor ? decode(cursor) : undefined),
  };
}

type SortDirection = 'asc' | 'desc';

/**
 * Keyset pagination of one list by one column, its id breaking ties, with its own named cursors
 * (one per sort). `column` is the row's field as Prisma names it.
 */
export function columnOrderCursor<Column extends string, Value>(
  name: string,
  column: Column,
  part: CursorPart<Value>,
  direction: SortDirection,
) {
  const codec = keysetCursor(name, { value: part, id: cursorParts.id });
  const after = direction === 'desc' ? 'lt' : 'gt';
  return {
    /** The order to read rows in, as a Prisma `orderBy`. */
    orderBy: () => [{ [column]: direction } as Record<Column, SortDirection>, { id: direction }],
    /**
     * The Prisma `where` for the rows after a cursor's position (`{}` for the first page); a
     * cursor this codec did not make throws `InvalidCursorError`. `Where` is the list's Prisma
     * `WhereInput` (inferred where the result is used).
     */
    rowsAfter<Where extends object>(cursor: string | undefined): Where {
      const position = codec.decodeOptional(cursor);
      if (!position) return {} as Where;
      const { value, id } = position;
      return {
        OR: [{ [column]: { [after]: value } }, { [column]: value, id: { [after]: id } }],
      } as Where;
    },
    /** Reads `limit + 1` rows in `orderBy`; this makes them a page and the next page's cursor. */
    pageOf<Row extends { id: string } & Record<Column, Value>, Item>(
      rows: readonly Row[],
      limit: number,
      view: (row: Row) => Item,
    ): { items: Item[]; nextCursor: string | null } {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map(view),
        nextCursor:
          rows.length > limit && last ? codec.encode({ value: last[column], id: last.id }) : null,
      };
    },
  };
}

export type CreationOrderCursor = ReturnType<typeof columnOrderCursor<'createdAt', Date>>;

/** Keyset pagination of one list newest first, by `(createdAt, id)`, with its own named cursors. */
export const newestFirstCursor = (name: string): CreationOrderCursor =>
  columnOrderCursor(name, 'createdAt', cursorParts.instant, 'desc');

/** The same, oldest first (review queues: the longest waiting on top). */
export const oldestFirstCursor = (name: string): CreationOrderCursor =>
  columnOrderCursor(name, 'createdAt', cursorParts.instant, 'asc');
