import { describe, expect, it } from 'vitest';
import { estimatedReach } from './campaign-reach';

describe('estimatedReach', () => {
  it('buys budget ÷ CPM × 1,000 impressions', () => {
    expect(estimatedReach({ model: 'cpm', rateCents: 1500 }, 150_000)).toEqual({
      unit: 'impressions',
      count: 100_000,
    });
    // $100 at a $12 CPM: 8,333.33… impressions, of which 8,333 are bought.
    expect(estimatedReach({ model: 'cpm', rateCents: 1200 }, 10_000)).toEqual({
      unit: 'impressions',
      count: 8333,
    });
  });

  it('buys budget ÷ rate clicks for CPC and streamers for a fixed fee, rounded down', () => {
    expect(estimatedReach({ model: 'cpc', rateCents: 45 }, 10_000)).toEqual({
      unit: 'clicks',
      count: 222,
    });
    expect(estimatedReach({ model: 'fixed', rateCents: 25_000 }, 100_000)).toEqual({
      unit: 'streamers',
      count: 4,
    });
    expect(estimatedReach({ model: 'fixed', rateCents: 25_000 }, 24_999)).toEqual({
      unit: 'streamers',
      count: 0,
    });
  });

  it('has no estimate until the budget and rate are positive whole cents', () => {
    expect(estimatedReach({ model: 'cpm', rateCents: 0 }, 10_000)).toBeNull();
    expect(estimatedReach({ model: 'cpm', rateCents: 1500 }, 0)).toBeNull();
    expect(estimatedReach({ model: 'cpc', rateCents: Number.NaN }, 10_000)).toBeNull();
    expect(estimatedReach({ model: 'cpm', rateCents: 1500 }, -100)).toBeNull();
    expect(estimatedReach({ model: 'cpm', rateCents: 12.5 }, 10_000)).toBeNull();
  });

  it('stays exact at the largest budget and smallest rate', () => {
    expect(estimatedReach({ model: 'cpm', rateCents: 1 }, 1_000_000_000)).toEqual({
      unit: 'impressions',
      count: 1_000_000_000_000,
    });
  });
});
