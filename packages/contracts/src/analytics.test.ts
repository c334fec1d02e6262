import { describe, expect, it } from 'vitest';
import {
  chosenReportRange,
  deliveryValueAtRateCents,
  filledDeliverySeries,
  reportRangeSchema,
  reportRangeSearchParams,
} from './analytics';

describe('deliveryValueAtRateCents', () => {
  it('prices impressions per thousand at a CPM rate, to the cent', () => {
    expect(
      deliveryValueAtRateCents(
        { model: 'cpm', rateCents: 1200 },
        { impressions: 54_988, clicks: 818 },
      ),
    ).toBe(65_986);
    expect(
      deliveryValueAtRateCents({ model: 'cpm', rateCents: 1 }, { impressions: 499, clicks: 0 }),
    ).toBe(0);
    expect(
      deliveryValueAtRateCents({ model: 'cpm', rateCents: 1 }, { impressions: 500, clicks: 0 }),
    ).toBe(1);
  });

  it('prices clicks at a CPC rate and ignores impressions', () => {
    expect(
      deliveryValueAtRateCents({ model: 'cpc', rateCents: 45 }, { impressions: 10_000, clicks: 7 }),
    ).toBe(315);
  });

  it('gives a fixed fee no per-delivery value', () => {
    expect(
      deliveryValueAtRateCents(
        { model: 'fixed', rateCents: 25_000 },
        { impressions: 9_000, clicks: 9 },
      ),
    ).toBeNull();
  });

  it('is nothing without delivery', () => {
    expect(
      deliveryValueAtRateCents({ model: 'cpm', rateCents: 1500 }, { impressions: 0, clicks: 0 }),
    ).toBe(0);
  });
});

describe('reportRangeSchema', () => {
  const from = new Date('2026-11-01T00:00:00Z');
  const days = (n: number) => new Date(from.getTime() + n * 24 * 60 * 60_000);

  it('defaults to daily buckets and allows a year of them', () => {
    expect(reportRangeSchema.parse({ from, to: days(366) }).granularity).toBe('day');
    expect(reportRangeSchema.safeParse({ from, to: days(367) }).success).toBe(false);
  });

  it('allows hourly buckets over at most 31 days, and only forwards in time', () => {
    expect(reportRangeSchema.safeParse({ from, to: days(31), granularity: 'hour' }).success).toBe(
      true,
    );
    expect(reportRangeSchema.safeParse({ from, to: days(32), granularity: 'hour' }).success).toBe(
      false,
    );
    expect(reportRangeSchema.safeParse({ from: days(1), to: from }).success).toBe(false);
  });
});

describe('chosenReportRange', () => {
  const now = new Date('2026-11-24T15:42:10Z');
  const hoursBefore = (n: number) => new Date(now.getTime() - n * 60 * 60_000);

  it('shows the last 7 days in daily buckets by default', () => {
    expect(chosenReportRange({}, now)).toEqual({
      preset: '7d',
      granularity: 'day',
      from: hoursBefore(7 * 24),
      to: now,
    });
  });

  it('starts each preset with its own granularity', () => {
    expect(chosenReportRange({ range: '24h' }, now)).toMatchObject({
      preset: '24h',
      granularity: 'hour',
      from: hoursBefore(24),
    });
    expect(chosenReportRange({ range: '30d' }, now)).toMatchObject({
      preset: '30d',
      granularity: 'day',
      from: hoursBefore(30 * 24),
    });
  });

  it('takes the granularity asked for, and ignores what it does not know', () => {
    expect(chosenReportRange({ range: '30d', granularity: 'hour' }, now).granularity).toBe('hour');
    expect(chosenReportRange({ range: '24h', granularity: 'day' }, now).granularity).toBe('day');
    expect(chosenReportRange({ range: '1y', granularity: 'week' }, now)).toMatchObject({
      preset: '7d',
      granularity: 'day',
    });
    expect(chosenReportRange({ range: null, granularity: null }, now).preset).toBe('7d');
  });

  it('always gives a window the report schema accepts', () => {
    for (const range of ['24h', '7d', '30d']) {
      for (const granularity of ['hour', 'day']) {
        const chosen = chosenReportRange({ range, granularity }, now);
        expect(reportRangeSchema.safeParse(chosen).success).toBe(true);
      }
    }
  });
});

describe('reportRangeSearchParams', () => {
  it('writes the current choice, with one part changed, so chosenReportRange reads it back', () => {
    const current = { preset: '24h', granularity: 'hour' } as const;
    expect(reportRangeSearchParams(current).toString()).toBe('range=24h&granularity=hour');
    const changed = reportRangeSearchParams(current, { granularity: 'day' });
    expect(changed.toString()).toBe('range=24h&granularity=day');
    expect(
      chosenReportRange({
        range: changed.get('range'),
        granularity: changed.get('granularity'),
      }),
    ).toMatchObject({ preset: '24h', granularity: 'day' });
    expect(reportRangeSearchParams(current, { range: '30d' }).toString()).toBe(
      'range=30d&granularity=hour',
    );
  });
});

describe('filledDeliverySeries', () => {
  it('fills the hours without delivery with zeros, from the hour holding the start', () => {
    const range = {
      from: new Date('2026-11-24T10:30:00Z'),
      to: new Date('2026-11-24T14:15:00Z'),
      granularity: 'hour' as const,
    };
    const buckets = filledDeliverySeries(
      [{ bucketStart: new Date('2026-11-24T12:00:00Z'), impressions: 40, clicks: 3 }],
      range,
    );
    expect(buckets).toEqual([
      { bucketStart: new Date('2026-11-24T10:00:00Z'), impressions: 0, clicks: 0 },
      { bucketStart: new Date('2026-11-24T11:00:00Z'), impressions: 0, clicks: 0 },
      { bucketStart: new Date('2026-11-24T12:00:00Z'), impressions: 40, clicks: 3 },
      { bucketStart: new Date('2026-11-24T13:00:00Z'), impressions: 0, clicks: 0 },
      { bucketStart: new Date('2026-11-24T14:00:00Z'), impressions: 0, clicks: 0 },
    ]);
  });

  it('gives one bucket per UTC day from the day holding the start', () => {
    const buckets = filledDeliverySeries(
      [
        { bucketStart: new Date('2026-11-20T00:00:00Z'), impressions: 5, clicks: 1 },
        { bucketStart: new Date('2026-11-23T00:00:00Z'), impressions: 9, clicks: 0 },
      ],
      {
        from: new Date('2026-11-20T15:42:00Z'),
        to: new Date('2026-11-24T15:42:00Z'),
        granularity: 'day',
      },
    );
    expect(buckets.map((bucket) => bucket.bucketStart.toISOString().slice(0, 10))).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
    ]);
    expect(buckets.map((bucket) => bucket.impressions)).toEqual([5, 0, 0, 9, 0]);
  });
});
