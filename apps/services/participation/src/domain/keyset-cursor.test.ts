import { DomainError } from '@gametriggers/trpc';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOf } from './keyset-cursor';

describe('keyset cursors', () => {
  const position = {
    createdAt: new Date('2026-11-24T12:00:00.123Z'),
    id: 'b7d5c9a0-0000-4000-8000-000000000001',
  };

  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each([
    'garbage',
    Buffer.from('["not a date","x"]').toString('base64url'),
    Buffer.from('[1,2]').toString('base64url'),
  ])('refuses a tampered cursor %s with a readable error', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(DomainError);
  });

  it('gives a next cursor only when there is more', () => {
    const rows = [1, 2, 3].map((n) => ({ createdAt: new Date(n), id: String(n) }));
    expect(pageOf(rows, 3, (row) => row.id)).toEqual({ items: ['1', '2', '3'], nextCursor: null });
    const page = pageOf(rows, 2, (row) => row.id);
    expect(page.items).toEqual(['1', '2']);
    expect(decodeCursor(page.nextCursor!)).toEqual({ createdAt: new Date(2), id: '2' });
  });
});
