import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chosenEarningsPeriod, earningsBuckets } from './earnings-periods';

// A Wednesday afternoon.
const now = new Date('2026-11-18T15:30:00.000Z');

function daysBetween(from: string, to: string, cents: (day: string) => number) {
  const days: Array<{ day: string; earnedCents: number }> = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    days.push({ day, earnedCents: cents(day) });
  }
  return days;
}

void describe('earnings chart periods', () => {
  void it('defaults to the last 30 UTC days, today included', () => {
    for (const param of [undefined, 'bogus', ['nope']]) {
      const chosen = chosenEarningsPeriod(param, now);
      assert.equal(chosen.period, '30d');
      assert.equal(chosen.bucket, 'day');
      assert.deepEqual(chosen.to, new Date('2026-11-19T00:00:00.000Z'));
      assert.deepEqual(chosen.from, new Date('2026-10-20T00:00:00.000Z'));
    }
  });

  void it('starts the 13 weeks on a Monday, the last week holding today', () => {
    const chosen = chosenEarningsPeriod('13w', now);
    assert.equal(chosen.bucket, 'week');
    assert.deepEqual(chosen.from, new Date('2026-08-24T00:00:00.000Z'));
    assert.equal(chosen.from.getUTCDay(), 1);
    assert.deepEqual(chosen.to, new Date('2026-11-19T00:00:00.000Z'));
  });

  void it('starts the 12 months on the first of the month eleven months back, across a year end', () => {
    assert.deepEqual(chosenEarningsPeriod('12m', now).from, new Date('2025-12-01T00:00:00.000Z'));
    assert.deepEqual(chosenEarningsPeriod('12m', new Date('2026-03-01T00:00:00Z')).from, new Date('2025-04-01T00:00:00.000Z'));
  });
});

void describe('earnings chart buckets', () => {
  void it('keeps one bar per day', () => {
    const { labels, cents } = earningsBuckets(daysBetween('2026-11-16', '2026-11-18', (day) => (day.endsWith('17') ? 125 : 0)), 'day');
    assert.deepEqual(labels, ['Nov 16', 'Nov 17', 'Nov 18']);
    assert.deepEqual(cents, [0, 125, 0]);
  });

  void it('sums days into Monday-based weeks, a partial last week included', () => {
    const days = daysBetween('2026-11-02', '2026-11-18', () => 1);
    const { labels, cents } = earningsBuckets(days, 'week');
    assert.deepEqual(labels, ['Nov 2', 'Nov 9', 'Nov 16']);
    assert.deepEqual(cents, [7, 7, 3]);
  });

  void it('sums days into calendar months, and the buckets add up to the days', () => {
    const days = daysBetween('2026-01-30', '2026-03-02', (day) => Number(day.slice(8)));
    const { labels, cents } = earningsBuckets(days, 'month');
    assert.deepEqual(labels, ['Jan 2026', 'Feb 2026', 'Mar 2026']);
    assert.deepEqual(cents, [30 + 31, (28 * 29) / 2, 1 + 2]);
    assert.equal(
      cents.reduce((sum, value) => sum + value, 0),
      days.reduce((sum, day) => sum + day.earnedCents, 0),
    );
  });

  void it('has no bars for no days', () => {
    assert.deepEqual(earningsBuckets([], 'week'), { labels: [], cents: [] });
  });
});
