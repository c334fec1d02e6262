import { z } from 'zod';
import { idSchema, instantSchema } from './primitives';

const DAY_MS = 24 * 60 * 60_000;

/** Buckets of the admin dashboard's growth charts (UTC; weeks start on Monday). */
export const platformStatsGranularities = ['day', 'week', 'month'] as const;
export type PlatformStatsGranularity = (typeof platformStatsGranularities)[number];

/** The window of the admin dashboard's statistics, in each service that contributes them. */
export const platformStatsRangeSchema = z
  .object({
    from: instantSchema('Choose where the statistics start'),
    to: instantSchema('Choose where the statistics end'),
    granularity: z.enum(platformStatsGranularities).default('day'),
  })
  .refine((range) => range.from < range.to, { message: 'from must be before to', path: ['to'] })
  .refine(
    (range) =>
      range.to.getTime() - range.from.getTime() <=
      (range.granularity === 'day' ? 366 : 3 * 366) * DAY_MS,
    { message: 'The window is too long for this granularity.', path: ['to'] },
  );
export type PlatformStatsRange = z.infer<typeof platformStatsRangeSchema>;

/** The windows the dashboard offers, each with the bucket size it starts with. */
export const platformStatsPresets = [
  { value: '7d', label: '7 days', days: 7, granularity: 'day' },
  { value: '30d', label: '30 days', days: 30, granularity: 'day' },
  { value: '90d', label: '90 days', days: 90, granularity: 'week' },
  { value: '12m', label: '12 months', days: 365, granularity: 'month' },
] as const satisfies ReadonlyArray<{
  value: string;
  label: string;
  days: number;
  granularity: PlatformStatsGranularity;
}>;
export type PlatformStatsPreset = (typeof platformStatsPresets)[number]['value'];

/**
 * The dashboard's window from its `range` and `granularity` URL parameters, ending now; anything
 * unknown falls back to 30 days, and the granularity to the preset's own.
 */
export function chosenPlatformStatsRange(
  params: { range?: string | null; granularity?: string | null },
  now: Date,
): PlatformStatsRange & { preset: PlatformStatsPreset } {
  const preset =
    platformStatsPresets.find((entry) => entry.value === params.range) ?? platformStatsPresets[1];
  const granularity =
    platformStatsGranularities.find((entry) => entry === params.granularity) ?? preset.granularity;
  const from = new Date(now.getTime() - preset.days * DAY_MS);
  return { preset: preset.value, granularity, from, to: now };
}

/** The dashboard's top campaigns, looked up by id for their titles. */
export const campaignIdsInputSchema = z.object({
  campaignIds: z.array(idSchema('campaign')).max(50),
});
