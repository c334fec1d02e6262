import { z } from 'zod';

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

export const campaignToDateOutput = z.object({
  campaignId: z.uuid(),
  totals: countsSchema,
  /** Streamers with impressions for the campaign so far. */
  deliveringStreamers: z.number().int().nonnegative(),
});

export const brandReportOutput = z.object({
  brandId: z.uuid(),
  totals: countsSchema,
  series: seriesSchema,
  byCampaign: z.array(
    countsSchema.extend({
      campaignId: z.uuid(),
      /** Streamers with impressions for the campaign in the window. */
      deliveringStreamers: z.number().int().nonnegative(),
    }),
  ),
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

/** "Creative not loading": overlays that showed the fallback card instead of the creative lately. */
export const campaignCreativeHealthOutput = z.object({
  campaignId: z.uuid(),
  /** The window looked at (the last CREATIVE_FAILURE_WINDOW_HOURS). */
  since: z.date(),
  failingStreams: z.number().int().nonnegative(),
  lastFailedAt: z.date().nullable(),
});

export const streamerCreativeFailuresOutput = z.array(
  z.object({ campaignId: z.uuid(), participationId: z.uuid(), lastFailedAt: z.date() }),
);
