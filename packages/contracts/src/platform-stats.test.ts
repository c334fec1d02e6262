import { describe, expect, it } from 'vitest';
import { chosenPlatformStatsRange, platformStatsRangeSchema } from './platform-stats';

const now = new Date('2026-11-24T15:42:10Z');
const daysBefore = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60_000);

describe('platformStatsRangeSchema', () => {
  it('allows a year of days and three years of weeks or months, forwards only', () => {
    expect(platformStatsRangeSchema.parse({ from: daysBefore(366), to: now }).granularity).toBe(
      'day',
    );
    expect(platformStatsRangeSchema.safeParse({ from: daysBefore(367), to: now }).success).toBe(
      false,
    );
    expect(
      platformStatsRangeSchema.safeParse({ from: daysBefore(1000), to: now, granularity: 'month' })
        .success,
    ).toBe(true);
    expect(platformStatsRangeSchema.safeParse({ from: now, to: daysBefore(1) }).success).toBe(
      false,
    );
  });
});

describe('chosenPlatformStatsRange', () => {
  it('shows 30 days by day unless told otherwise, ending now', () => {
    expect(chosenPlatformStatsRange({}, now)).toEqual({
      preset: '30d',
      granularity: 'day',
      from: daysBefore(30),
      to: now,
    });
    expect(chosenPlatformStatsRange({ range: '12m' }, now)).toMatchObject({
      preset: '12m',
      granularity: 'month',
      from: daysBefore(365),
    });
    expect(chosenPlatformStatsRange({ range: '90d', granularity: 'day' }, now).granularity).toBe(
      'day',
    );
    expect(chosenPlatformStatsRange({ range: 'forever', granularity: 'hour' }, now)).toMatchObject({
      preset: '30d',
      granularity: 'day',
    });
  });
});
