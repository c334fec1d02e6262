import { describe, expect, it } from 'vitest';
import { bestAcrossPlatforms, searchTextOf } from './streamer-aggregates';

describe('headline metrics across platforms', () => {
  it('takes the best of each and is live when any platform is', () => {
    expect(
      bestAcrossPlatforms([
        { followers: 1000, averageViewers: 20, live: false, username: 'a' },
        { followers: 300, averageViewers: 90, live: true, username: 'b' },
      ]),
    ).toEqual({ followers: 1000, averageViewers: 90, live: true });
  });

  it('is zero and offline with no platform', () => {
    expect(bestAcrossPlatforms([])).toEqual({ followers: 0, averageViewers: 0, live: false });
  });

  it('searches display and channel names, lower-cased', () => {
    expect(searchTextOf('Pat Plays', [{ username: 'PatTV' }])).toBe('pat plays pattv');
  });
});
