import { randomUUID } from 'node:crypto';
import { searchStreamersInput } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import {
  afterCursor,
  decodeSearchCursor,
  encodeSearchCursor,
  searchFilters,
} from './streamer-search';

describe('search cursors', () => {
  const id = randomUUID();

  it('round-trips', () => {
    const cursor = { sort: 'followers' as const, value: 1200, id };
    expect(decodeSearchCursor(encodeSearchCursor(cursor), 'followers')).toEqual(cursor);
    const newest = { sort: 'newest' as const, value: '2026-11-24T10:00:00.000Z', id };
    expect(decodeSearchCursor(encodeSearchCursor(newest), 'newest')).toEqual(newest);
  });

  it.each([
    ['garbage', 'followers'],
    [encodeSearchCursor({ sort: 'followers', value: 10, id }), 'averageViewers'],
    [encodeSearchCursor({ sort: 'newest', value: 'not a date', id }), 'newest'],
    [encodeSearchCursor({ sort: 'followers', value: 1.5, id }), 'followers'],
    [encodeSearchCursor({ sort: 'followers', value: 10, id: 'x' }), 'followers'],
    [Buffer.from('{"a":1}').toString('base64url'), 'followers'],
  ] as const)('refuses %s for sort %s', (raw, sort) => {
    expect(() => decodeSearchCursor(raw, sort)).toThrow(
      expect.objectContaining({ reason: 'cursor_invalid' }) as Error,
    );
  });

  it('continues after the cursor row in (value, id) descending order', () => {
    expect(afterCursor({ sort: 'averageViewers', value: 50, id })).toEqual({
      OR: [{ averageViewers: { lt: 50 } }, { averageViewers: 50, id: { lt: id } }],
    });
    expect(afterCursor({ sort: 'newest', value: '2026-11-24T10:00:00.000Z', id })).toEqual({
      OR: [
        { createdAt: { lt: new Date('2026-11-24T10:00:00.000Z') } },
        { createdAt: new Date('2026-11-24T10:00:00.000Z'), id: { lt: id } },
      ],
    });
  });
});

describe('search filters', () => {
  it('is empty without filters', () => {
    expect(searchFilters(searchStreamersInput.parse({}))).toEqual({});
  });

  it('matches ANY category and lower-cases the text query', () => {
    expect(
      searchFilters(
        searchStreamersInput.parse({
          categories: ['fps', 'rpg'],
          languages: ['de'],
          countries: ['DE', 'AT'],
          minFollowers: 100,
          minAverageViewers: 10,
          liveOnly: true,
          query: '  PatTV ',
        }),
      ),
    ).toEqual({
      categories: { hasSome: ['fps', 'rpg'] },
      language: { in: ['de'] },
      country: { in: ['DE', 'AT'] },
      followers: { gte: 100 },
      averageViewers: { gte: 10 },
      live: true,
      searchText: { contains: 'pattv' },
    });
  });
});
