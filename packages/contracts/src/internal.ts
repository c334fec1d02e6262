import { z } from 'zod';
import { contentCategorySchema, countrySchema, languageSchema, timeZoneSchema } from './vocabulary';

/**
 * What services read from each other synchronously (service-token `internal` procedures), for
 * reads that must be fresh. The callee answers with these shapes; callers parse them.
 */

export const brandVerificationStatusSchema = z.enum(['unverified', 'pending', 'verified', 'rejected']);
export type BrandVerificationStatus = z.infer<typeof brandVerificationStatusSchema>;

/** `brand.internal.standing({ brandId })` → this, or null when the brand has not onboarded. */
export const brandStandingSchema = z.object({
  brandId: z.uuid(),
  companyName: z.string(),
  verificationStatus: brandVerificationStatusSchema,
});
export type BrandStanding = z.infer<typeof brandStandingSchema>;

/** `brand.internal.billingProfile({ brandId })` → this, or null: what invoices are addressed to. */
export const brandBillingProfileSchema = z.object({
  brandId: z.uuid(),
  companyName: z.string(),
  email: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string(),
  taxId: z.string().nullable(),
});
export type BrandBillingProfile = z.infer<typeof brandBillingProfileSchema>;

/** `streamer.internal.matchingProfile({ streamerId })` → this, or null when not onboarded. */
export const streamerMatchingProfileSchema = z.object({
  streamerId: z.uuid(),
  displayName: z.string(),
  /** Primary first, then secondary ones. */
  categories: z.array(contentCategorySchema),
  language: languageSchema,
  country: countrySchema,
  timezone: timeZoneSchema,
  /** Best across connected platforms. */
  followers: z.number().int().nonnegative(),
  averageViewers: z.number().int().nonnegative(),
  live: z.boolean(),
});
export type StreamerMatchingProfile = z.infer<typeof streamerMatchingProfileSchema>;

/**
 * What campaign targeting matches a streamer on, versioned: the streamer service counts each change
 * up, so a copy kept elsewhere (campaign discovery's) takes a newer version only. Sent in
 * `streamer.targeting_changed` and by `streamer.internal.targetingProfile` (null before onboarding).
 */
export const streamerTargetingProfileSchema = streamerMatchingProfileSchema
  .pick({ streamerId: true, categories: true, language: true, country: true, followers: true, averageViewers: true })
  .extend({ version: z.number().int().nonnegative() });
export type StreamerTargetingProfile = z.infer<typeof streamerTargetingProfileSchema>;

export const campaignStatuses = [
  'draft',
  'pending_review',
  'active',
  'paused',
  'completed',
  'rejected',
  'cancelled',
] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const joinModeSchema = z.enum(['open', 'approval']);
export type JoinMode = z.infer<typeof joinModeSchema>;

/** `campaign.internal.forParticipation({ campaignId })` → this, or null when there is no such campaign. */
export const campaignForParticipationSchema = z.object({
  campaignId: z.uuid(),
  brandId: z.uuid(),
  title: z.string(),
  status: campaignStatusSchema,
  joinMode: joinModeSchema,
  categories: z.array(contentCategorySchema).min(1),
  /** Empty: any language. */
  languages: z.array(languageSchema),
  /** Empty: worldwide. */
  regions: z.array(countrySchema),
  minFollowers: z.number().int().nonnegative(),
  minAverageViewers: z.number().int().nonnegative(),
  gkeyCooloffHours: z.number().int().nonnegative(),
  /** Null: no limit. */
  maxParticipants: z.number().int().positive().nullable(),
  remainingBudgetCents: z.number().int().nonnegative(),
  startsAt: z.date(),
  endsAt: z.date(),
});
export type CampaignForParticipation = z.infer<typeof campaignForParticipationSchema>;

/**
 * Targeting: category AND language AND region AND size must all match (the old platform OR-ed
 * category and language). The one definition both discovery and joining use.
 */
export function targetingMismatches(
  campaign: Pick<CampaignForParticipation, 'categories' | 'languages' | 'regions' | 'minFollowers' | 'minAverageViewers'>,
  streamer: Pick<StreamerMatchingProfile, 'categories' | 'language' | 'country' | 'followers' | 'averageViewers'>,
): Array<'category' | 'language' | 'region' | 'followers' | 'average_viewers'> {
  const misses: Array<'category' | 'language' | 'region' | 'followers' | 'average_viewers'> = [];
  if (!campaign.categories.some((category) => streamer.categories.includes(category))) misses.push('category');
  if (campaign.languages.length > 0 && !campaign.languages.includes(streamer.language)) misses.push('language');
  if (campaign.regions.length > 0 && !campaign.regions.includes(streamer.country)) misses.push('region');
  if (streamer.followers < campaign.minFollowers) misses.push('followers');
  if (streamer.averageViewers < campaign.minAverageViewers) misses.push('average_viewers');
  return misses;
}

/**
 * `overlay.internal.resolveKey({ key })` → this, or null for an unknown (or regenerated-away) key:
 * how the analytics service authenticates an overlay's reports.
 */
export const overlayKeyResolutionSchema = z.object({
  overlayId: z.uuid(),
  streamerId: z.uuid(),
  /** Whether the streamer's channel is live now, as the streamer service last synced it. */
  live: z.boolean(),
  /** Live viewers across the streamer's platforms at that sync (0 when offline). */
  viewers: z.number().int().nonnegative(),
});
export type OverlayKeyResolution = z.infer<typeof overlayKeyResolutionSchema>;
