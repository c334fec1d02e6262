import {
  campaignActionSchema,
  campaignStatusSchema,
  completionReasonSchema,
  contentCategorySchema,
  countrySchema,
  creativeTypeSchema,
  joinModeSchema,
  languageSchema,
  pricingModelSchema,
} from '@gametriggers/contracts';
import { z } from 'zod';

// Output schemas: every procedure answers with one of these, so nothing else can leave the service.

const creativeOutput = z.object({
  /** The brand's upload; null only for a campaign from before uploads. */
  assetId: z.uuid().nullable(),
  type: creativeTypeSchema,
  /** Where it is shown: an image's WebP rendition, a video's original. */
  url: z.string(),
  /** A small still (images). */
  thumbnailUrl: z.string().nullable(),
  altText: z.string().nullable(),
});
const pricingOutput = z.object({ model: pricingModelSchema, rateCents: z.number().int() });
const frequencyOutput = z.object({
  adDurationSeconds: z.number().int(),
  minMinutesBetweenShows: z.number().int(),
  maxShowsPerHour: z.number().int(),
});
const actorKindOutput = z.enum(['brand', 'admin']);

/** What a streamer may see of a live campaign. */
export const publicCampaignOutput = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  brandName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  creative: creativeOutput,
  clickThroughUrl: z.string(),
  categories: z.array(contentCategorySchema),
  languages: z.array(languageSchema),
  regions: z.array(countrySchema),
  minFollowers: z.number().int(),
  minAverageViewers: z.number().int(),
  startsAt: z.date(),
  endsAt: z.date(),
  pricing: pricingOutput,
  remainingBudgetCents: z.number().int(),
  perStreamerCapCents: z.number().int().nullable(),
  maxParticipants: z.number().int().nullable(),
  activeParticipantCount: z.number().int(),
  frequency: frequencyOutput,
  joinMode: joinModeSchema,
  gkeyCooloffHours: z.number().int(),
});
export type PublicCampaignView = z.infer<typeof publicCampaignOutput>;

/** Everything, for the owning brand and campaign admins. */
export const campaignOutput = publicCampaignOutput.extend({
  status: campaignStatusSchema,
  /** Actions the caller may take now (from the status machine). */
  allowedActions: z.array(campaignActionSchema),
  /** Active, started and not ended: streamers can discover and join it. */
  running: z.boolean(),
  budgetCents: z.number().int(),
  spentCents: z.number().int(),
  /** The last approval was refused: the brand's wallet lacked this much (top up, then approve again). */
  walletShortByCents: z.number().int().nullable(),
  targetImpressions: z.number().int().nullable(),
  // Impressions and clicks are not here: analytics counts them (`analytics.campaignToDate`).
  submittedAt: z.date().nullable(),
  approvedAt: z.date().nullable(),
  approvedBy: z.uuid().nullable(),
  rejectedAt: z.date().nullable(),
  rejectedBy: z.uuid().nullable(),
  rejectionReason: z.string().nullable(),
  /** Moderation refused the creative (the campaign was paused or rejected); changing it clears this. */
  creativeRejectedAt: z.date().nullable(),
  creativeRejectionReason: z.string().nullable(),
  launchedAt: z.date().nullable(),
  pausedAt: z.date().nullable(),
  pausedBy: actorKindOutput.nullable(),
  /** Why an administrator paused it. */
  pauseReason: z.string().nullable(),
  completedAt: z.date().nullable(),
  completedReason: completionReasonSchema.nullable(),
  cancelledAt: z.date().nullable(),
  cancelledBy: actorKindOutput.nullable(),
  /** Why an administrator completed or cancelled it. */
  closedByAdminReason: z.string().nullable(),
  lastParticipantLeftAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CampaignView = z.infer<typeof campaignOutput>;

export const statusCountsOutput = z.record(campaignStatusSchema, z.number().int());

export const campaignPageOutput = z.object({
  items: z.array(campaignOutput),
  nextCursor: z.string().nullable(),
});

export const myCampaignsOutput = campaignPageOutput.extend({
  /** Per status, for tabs; `all` is the total. */
  counts: statusCountsOutput.and(z.object({ all: z.number().int() })),
});

export const adminCampaignsOutput = campaignPageOutput.extend({ counts: statusCountsOutput });

export const discoveryPageOutput = z.object({
  items: z.array(publicCampaignOutput),
  nextCursor: z.string().nullable(),
});

export const campaignPlatformStatsOutput = z.object({
  byStatus: statusCountsOutput,
  launchedInRange: z.number().int(),
});

export const newCampaignDefaultsOutput = z.object({
  /** The platform configuration's default G-Key cool-off, stored with a campaign created without one. */
  gkeyCooloffHours: z.number().int().nonnegative(),
});

export const campaignTitlesOutput = z.array(
  z.object({
    campaignId: z.string(),
    title: z.string(),
    brandName: z.string().nullable(),
    status: campaignStatusSchema,
  }),
);
