import { searchStreamersInput } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { searchFilters } from './streamer-search';

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
          minReputation: 40,
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
      reputation: { gte: 40 },
      live: true,
      searchText: { contains: 'pattv' },
    });
  });
});
