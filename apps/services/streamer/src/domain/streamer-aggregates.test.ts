import { describe, expect, it } from 'vitest';
import { bestAcrossPlatforms, searchTextOf } from './streamer-aggregates';

describe('headline metrics across platforms', () => {
  it('takes the best of each and is live when any platform is', () => {
    expect(
      bestAcrossPlatforms([
        { followers: 1000, averageViewers: 20, live: false, liveViewers: 0, username: 'a' },
        { followers: 300, averageViewers: 90, live: true, liveViewers: 75, username: 'b' },
      ]),
    ).toEqual({ followers: 1000, averageViewers: 90, live: true, liveViewers: 75 });
  });

  it('adds up the live viewers of every live platform, not of offline ones', () => {
    expect(
      bestAcrossPlatforms([
        { followers: 10, averageViewers: 5, live: true, liveViewers: 40, username: 'a' },
        { followers: 10, averageViewers: 5, live: true, liveViewers: 25, username: 'b' },
        { followers: 10, averageViewers: 5, live: false, liveViewers: 900, username: 'c' },
      ]).liveViewers,
    ).toBe(65);
  });

  it('is zero and offline with no platform', () => {
    expect(bestAcrossPlatforms([])).toEqual({ followers: 0, averageViewers: 0, live: false, liveViewers: 0 });
  });

  it('searches display and channel names, lower-cased', () => {
    expect(searchTextOf('Pat Plays', [{ username: 'PatTV' }])).toBe('pat plays pattv');
  });

  it('searches only channel names while moderation hides the display name', () => {
    expect(searchTextOf(null, [{ username: 'PatTV' }])).toBe('pattv');
  });
});
