import type { PlatformStatsGranularity } from '@gametriggers/contracts';

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const whole = new Intl.NumberFormat('en-US');

export const formatCents = (cents: number) => dollars.format(cents / 100);
export const formatCount = (count: number) => whole.format(count);

const bucketFormats: Record<PlatformStatsGranularity, Intl.DateTimeFormat> = {
  day: new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  week: new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** A chart's x-axis label for a bucket (weeks are labelled by their Monday). */
export const bucketLabel = (bucketStart: Date, granularity: PlatformStatsGranularity) =>
  bucketFormats[granularity].format(bucketStart);

/** Buckets from several series, merged on their start and in order, each series' value or 0. */
export function mergedBuckets<K extends string>(
  granularity: PlatformStatsGranularity,
  sources: ReadonlyArray<{ key: K; points: ReadonlyArray<{ bucketStart: Date; value: number }> }>,
) {
  const byStart = new Map<number, Record<K, number>>();
  for (const { key, points } of sources) {
    for (const point of points) {
      const bucket = byStart.get(point.bucketStart.getTime()) ?? ({} as Record<K, number>);
      bucket[key] = point.value;
      byStart.set(point.bucketStart.getTime(), bucket);
    }
  }
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  return {
    labels: starts.map((start) => bucketLabel(new Date(start), granularity)),
    valuesOf: (key: K) => starts.map((start) => byStart.get(start)?.[key] ?? 0),
  };
}
