const DAY_MS = 86_400_000;

/** The chart's periods: the last 30 days by day, the last 13 weeks by week, the last 12 months by month. */
export const earningsPeriods = [
  { value: '30d', label: '30 days', bucket: 'day' },
  { value: '13w', label: '13 weeks', bucket: 'week' },
  { value: '12m', label: '12 months', bucket: 'month' },
] as const;

export type EarningsPeriod = (typeof earningsPeriods)[number]['value'];
type Bucket = (typeof earningsPeriods)[number]['bucket'];

export interface ChosenEarningsPeriod {
  period: EarningsPeriod;
  bucket: Bucket;
  /** Start of the first UTC day shown. */
  from: Date;
  /** Start of the UTC day after today: the range is half-open. */
  to: Date;
}

const startOfUtcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/** The period from the address (`?period=13w`), 30 days when absent or unknown, ending today (UTC). */
export function chosenEarningsPeriod(param: string | string[] | undefined, now: Date): ChosenEarningsPeriod {
  const value = Array.isArray(param) ? param[0] : param;
  const entry = earningsPeriods.find((period) => period.value === value) ?? earningsPeriods[0];
  const to = new Date(startOfUtcDay(now).getTime() + DAY_MS);
  const from =
    entry.bucket === 'day'
      ? new Date(to.getTime() - 30 * DAY_MS)
      : entry.bucket === 'week'
        ? // 13 whole weeks, each starting on a Monday, the last one holding today.
          new Date(mondayOf(startOfUtcDay(now)).getTime() - 12 * 7 * DAY_MS)
        : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { period: entry.value, bucket: entry.bucket, from, to };
}

function mondayOf(day: Date) {
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthLabel = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Daily earnings (`YYYY-MM-DD` UTC days, as `payment.earnings.overTime` returns them) summed into
 * the period's buckets, in order, every bucket present. Integer cents are added, never divided.
 */
export function earningsBuckets(
  days: ReadonlyArray<{ day: string; earnedCents: number }>,
  bucket: Bucket,
): { labels: string[]; cents: number[] } {
  const order: string[] = [];
  const totals = new Map<string, { label: string; cents: number }>();
  for (const { day, earnedCents } of days) {
    const date = new Date(`${day}T00:00:00.000Z`);
    const start =
      bucket === 'day' ? date : bucket === 'week' ? mondayOf(date) : new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
    const key = start.toISOString().slice(0, 10);
    let total = totals.get(key);
    if (!total) {
      total = { label: bucket === 'month' ? monthLabel.format(start) : dayLabel.format(start), cents: 0 };
      totals.set(key, total);
      order.push(key);
    }
    total.cents += earnedCents;
  }
  return { labels: order.map((key) => totals.get(key)!.label), cents: order.map((key) => totals.get(key)!.cents) };
}
