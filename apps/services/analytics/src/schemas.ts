import { z } from 'zod';

const DAY_MS = 24 * 60 * 60_000;

/** A reporting window in whole hours (UTC); hourly series span at most 31 days, daily ones a year. */
export const reportRangeSchema = z
  .object({
    from: z.date(),
    to: z.date(),
    granularity: z.enum(['hour', 'day']).default('day'),
  })
  .refine((range) => range.from < range.to, { message: 'from must be before to', path: ['to'] })
  .refine(
    (range) => range.to.getTime() - range.from.getTime() <= (range.granularity === 'hour' ? 31 : 366) * DAY_MS,
    { message: 'The window is too long for this granularity.', path: ['to'] },
  );
export type ReportRange = z.infer<typeof reportRangeSchema>;

export const campaignReportInputSchema = z.intersection(
  z.object({ campaignId: z.uuid() }),
  reportRangeSchema,
);

const countsSchema = z.object({
  impressions: z.number().int().nonnegative(),
  clicks: z.number().int().nonnegative(),
  /** Clicks per impression, 0 without impressions. */
  ctr: z.number().nonnegative(),
});
export type Counts = z.infer<typeof countsSchema>;

const seriesSchema = z.array(countsSchema.extend({ bucketStart: z.date() }));

export const campaignReportOutput = z.object({
  campaignId: z.uuid(),
  totals: countsSchema,
  series: seriesSchema,
  byStreamer: z.array(countsSchema.extend({ streamerId: z.uuid() })),
});

export const streamerReportOutput = z.object({
  streamerId: z.uuid(),
  totals: countsSchema,
  series: seriesSchema,
  byCampaign: z.array(countsSchema.extend({ campaignId: z.uuid() })),
});

export const platformReportOutput = z.object({
  totals: countsSchema,
  series: seriesSchema,
  topCampaigns: z.array(countsSchema.extend({ campaignId: z.uuid() })),
  topStreamers: z.array(countsSchema.extend({ streamerId: z.uuid() })),
});

export const csvExportOutput = z.object({
  filename: z.string(),
  contentType: z.literal('text/csv'),
  csv: z.string(),
});
