import { describe, expect, it } from 'vitest';
import {
  InvalidCursorError,
  cursorParts,
  keysetCursor,
  newestFirstCursor,
  oldestFirstCursor,
} from './keyset-cursor';

const newest = keysetCursor('campaigns.newest', {
  createdAt: cursorParts.instant,
  id: cursorParts.id,
});
const byRate = keysetCursor('campaigns.rate', {
  rateCents: cursorParts.integer(0),
  id: cursorParts.id,
});
const position = {
  createdAt: new Date('2026-03-08T07:30:00.123Z'),
  id: '3f2b8c1e-5d4a-4b6f-9a7e-1c2d3e4f5a6b',
};

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('keyset cursors', () => {
  it('round-trips the position it made, URL-safe', () => {
    const cursor = newest.encode(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(newest.decode(cursor)).toEqual(position);
    expect(byRate.decode(byRate.encode({ rateCents: 2_500, id: position.id }))).toEqual({
      rateCents: 2_500,
      id: position.id,
    });
    expect(newest.decodeOptional(undefined)).toBeUndefined();
  });

  it('refuses a cursor made for another list or sort', () => {
    expect(() => byRate.decode(newest.encode(position))).toThrow(InvalidCursorError);
  });

  it('refuses forged and damaged cursors, whatever they hold', () => {
    const forged = [
      '',
      'not base64!',
      'AAAA',
      base64url(['campaigns.newest', 'yesterday', position.id]),
      base64url(['campaigns.newest', '275760-09-13T00:00:00.000Z', position.id]),
      base64url(['campaigns.newest', '1970-01-01T00:00:00.000Z', position.id]),
      base64url(['campaigns.newest', position.createdAt.toISOString(), 'not-a-uuid']),
      base64url(['campaigns.newest', position.createdAt.toISOString(), position.id, 'extra']),
      base64url(['campaigns.newest', position.createdAt.toISOString()]),
      base64url({ createdAt: position.createdAt.toISOString(), id: position.id }),
      base64url(['campaigns.rate', 2 ** 40, position.id]),
      base64url(['campaigns.rate', -1, position.id]),
      base64url(['campaigns.rate', 1.5, position.id]),
      base64url(['campaigns.newest', `2026-01-01T00:00:00.000Z\u0000`, position.id]),
      Buffer.from([0xff, 0xfe, 0x00]).toString('base64url'),
      'A'.repeat(600),
    ];
    for (const cursor of forged) {
      expect(() => newest.decode(cursor), cursor).toThrow(InvalidCursorError);
      expect(() => byRate.decode(cursor), cursor).toThrow(InvalidCursorError);
    }
  });

  it('names the refusal invalid_cursor', () => {
    try {
      newest.decode('garbage');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCursorError);
      expect((error as InvalidCursorError).reason).toBe('invalid_cursor');
    }
  });
});

describe('creation-order cursors', () => {
  const brands = newestFirstCursor('brands.newest');
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 8, 7, minute));
  const rows = [
    { createdAt: at(30), id: '00000000-0000-4000-8000-000000000003', name: 'c' },
    { createdAt: at(20), id: '00000000-0000-4000-8000-000000000002', name: 'b' },
    { createdAt: at(20), id: '00000000-0000-4000-8000-000000000001', name: 'a' },
  ];

  it('makes a page of limit rows and a cursor only when a row is left over', () => {
    const first = brands.pageOf(rows, 2, (row) => row.name);
    expect(first.items).toEqual(['c', 'b']);
    expect(first.nextCursor).not.toBeNull();
    expect(brands.pageOf(rows, 3, (row) => row.name)).toEqual({
      items: ['c', 'b', 'a'],
      nextCursor: null,
    });
  });

  it("reads on after the page's last row, ties broken by id, in the list's direction", () => {
    const { nextCursor } = brands.pageOf(rows, 2, (row) => row.name);
    expect(brands.rowsAfter(nextCursor ?? undefined)).toEqual({
      OR: [{ createdAt: { lt: at(20) } }, { createdAt: at(20), id: { lt: rows[1]!.id } }],
    });
    expect(brands.orderBy()).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    expect(brands.rowsAfter(undefined)).toEqual({});

    const queue = oldestFirstCursor('campaigns.oldest');
    const oldest = queue.pageOf([...rows].reverse(), 1, (row) => row.name);
    expect(queue.rowsAfter(oldest.nextCursor ?? undefined)).toEqual({
      OR: [{ createdAt: { gt: at(20) } }, { createdAt: at(20), id: { gt: rows[2]!.id } }],
    });
    expect(queue.orderBy()).toEqual([{ createdAt: 'asc' }, { id: 'asc' }]);
  });

  it("refuses another list's cursor and forged ones", () => {
    const theirs = newestFirstCursor('campaigns.newest').pageOf(rows, 1, (row) => row).nextCursor;
    expect(() => brands.rowsAfter(theirs ?? undefined)).toThrow(InvalidCursorError);
    expect(() => brands.rowsAfter('forged')).toThrow(InvalidCursorError);
  });
});
