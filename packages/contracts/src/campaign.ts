import { z } from 'zod';
import { campaignStatusSchema, joinModeSchema } from './internal';
import type { CampaignStatus } from './internal';
import { pageInputSchema } from './pagination';
import {
  centsSchema,
  countSchema,
  httpsUrlSchema,
  idSchema,
  instantSchema,
  lineTextSchema,
  paragraphTextSchema,
  searchTextSchema,
} from './primitives';
import { contentCategorySchema, countrySchema, languageSchema } from './vocabulary';

// Input schemas of the campaign service: the portals validate their forms with these, the service
// its procedures, so a form never accepts what the server refuses.

export const MIN_CAMPAIGN_BUDGET_CENTS = 10_000;
export const MAX_CAMPAIGN_BUDGET_CENTS = 1_000_000_000;
export const MAX_CAMPAIGN_RATE_CENTS = 10_000_000;
export const MAX_CAMPAIGN_DAYS = 365;

export const creativeTypes = [
  { id: 'image', label: 'Image' },
  { id: 'video', label: 'Video' },
] as const;
export const creativeTypeSchema = z.enum(['image', 'video'], { error: 'Choose image or video' });
export type CreativeType = z.infer<typeof creativeTypeSchema>;

export const pricingModels = [
  { id: 'cpm', label: 'CPM', unit: 'per 1,000 impressions' },
  { id: 'cpc', label: 'CPC', unit: 'per click' },
  { id: 'fixed', label: 'Fixed fee', unit: 'per participating streamer' },
] as const;
export const pricingModelSchema = z.enum(['cpm', 'cpc', 'fixed'], {
  error: 'Choose CPM, CPC or a fixed fee',
});
export type PricingModel = z.infer<typeof pricingModelSchema>;

export const campaignStatusLabels: Record<CampaignStatus, string> = {
  draft: 'Draft',
  pending_review: 'In review',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** What someone can do to a campaign; the service lists the ones allowed to the caller. */
export const campaignActions = [
  'edit',
  'submit',
  'approve',
  'reject',
  'pause',
  'resume',
  'end',
  'cancel',
  'complete',
  'override_budget',
] as const;
export const campaignActionSchema = z.enum(campaignActions);
export type CampaignAction = z.infer<typeof campaignActionSchema>;

export const completionReasons = [
  'budget_spent',
  'target_reached',
  'end_date',
  'inactive',
  'ended_by_brand',
  'ended_by_admin',
] as const;
export const completionReasonSchema = z.enum(completionReasons);
export type CompletionReason = z.infer<typeof completionReasonSchema>;

const linkSchema = httpsUrlSchema({ what: 'the link' });

const altTextSchema = lineTextSchema({ what: 'the alt text', max: 300 });

/**
 * The creative a brand gives a campaign: one of its uploads (an asset of use `campaignCreative`,
 * see `asset.ts`), which the campaign service resolves to its kind and URLs.
 */
export const creativeInputSchema = z.object({
  assetId: z.uuid({ error: 'Upload the creative, or choose one of your uploads' }),
  altText: altTextSchema.optional(),
});
export type CreativeInput = z.infer<typeof creativeInputSchema>;

/**
 * A creative as it is shown (the overlay, previews, moderation): its kind and where it is served.
 * The URL comes from the asset service (the store's own address), never from a person's form.
 */
export const creativeSchema = z.object({
  type: creativeTypeSchema,
  url: z.url({ protocol: /^https?$/, error: 'Not a creative address' }),
  altText: altTextSchema.optional(),
});
export type Creative = z.infer<typeof creativeSchema>;

export const pricingSchema = z.object({
  model: pricingModelSchema,
  rateCents: centsSchema
    .min(1, 'The rate must be at least 1 cent')
    .max(MAX_CAMPAIGN_RATE_CENTS, 'The rate is at most $100,000'),
});
export type Pricing = z.infer<typeof pricingSchema>;

export const frequencySchema = z.object({
  adDurationSeconds: z
    .number({ error: 'Enter how long the ad shows' })
    .int('Use whole seconds')
    .min(5, 'An ad shows for at least 5 seconds')
    .max(120, 'An ad shows for at most 120 seconds'),
  minMinutesBetweenShows: z
    .number({ error: 'Enter the minutes between shows' })
    .int('Use whole minutes')
    .min(1, 'Leave at least 1 minute between shows')
    .max(240, 'At most 240 minutes between shows'),
  maxShowsPerHour: z
    .number({ error: 'Enter the shows per hour' })
    .int('Use a whole number')
    .min(1, 'At least 1 show per hour')
    .max(60, 'At most 60 shows per hour'),
});
export type Frequency = z.infer<typeof frequencySchema>;

const uniqueList = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .refine((list) => new Set(list).size === list.length, { error: `Each ${what} only once` });

const minimumSchema = (what: string) => countSchema({ what, max: 1_000_000_000 });

/** Every field a brand sets; no defaults, so `.partial()` makes a patch that leaves omitted fields alone. */
const campaignFieldsBase = z.object({
  title: lineTextSchema({
    what: 'a title',
    min: 3,
    max: 120,
    tooShort: 'A title has at least 3 characters',
    tooLong: 'A title is at most 120 characters',
  }),
  description: paragraphTextSchema({
    what: 'a description',
    min: 10,
    max: 5000,
    tooShort: 'Describe the campaign in at least 10 characters',
    tooLong: 'A description is at most 5000 characters',
  }),
  creative: creativeInputSchema,
  clickThroughUrl: linkSchema,
  categories: uniqueList(contentCategorySchema, 'category')
    .min(1, 'Choose at least one category')
    .max(5, 'Choose at most 5 categories'),
  /** Empty: any language. */
  languages: uniqueList(languageSchema, 'language'),
  /** Empty: worldwide. */
  regions: uniqueList(countrySchema, 'region'),
  minFollowers: minimumSchema('minimum followers'),
  minAverageViewers: minimumSchema('minimum average viewers'),
  startsAt: instantSchema('Choose a start date and time'),
  endsAt: instantSchema('Choose an end date and time'),
  budgetCents: centsSchema,
  pricing: pricingSchema,
  /** Null: no cap per streamer. */
  perStreamerCapCents: centsSchema.min(1, 'A cap is at least 1 cent').nullable(),
  /** Null: no limit. */
  maxParticipants: z
    .number()
    .int('Use a whole number')
    .min(1, 'Allow at least 1 participant')
    .max(100_000)
    .nullable(),
  frequency: frequencySchema,
  joinMode: joinModeSchema,
  gkeyCooloffHours: z
    .number({ error: 'Enter the cool-off hours' })
    .int('Use whole hours')
    .min(0, 'Cannot be negative')
    .max(8760, 'At most 8760 hours (a year)'),
  /** Null: no impression target. */
  targetImpressions: countSchema({
    what: 'impression target',
    min: 1,
    max: 1_000_000_000,
  }).nullable(),
});

export const campaignFieldsSchema = campaignFieldsBase.extend({
  languages: campaignFieldsBase.shape.languages.default([]),
  regions: campaignFieldsBase.shape.regions.default([]),
  minFollowers: campaignFieldsBase.shape.minFollowers.default(0),
  minAverageViewers: campaignFieldsBase.shape.minAverageViewers.default(0),
  perStreamerCapCents: campaignFieldsBase.shape.perStreamerCapCents.default(null),
  maxParticipants: campaignFieldsBase.shape.maxParticipants.default(null),
  joinMode: joinModeSchema.default('open'),
  /**
   * Absent: the campaign service stores the platform configuration's `defaultGKeyCooloffHours` as
   * it is when the campaign is created.
   */
  gkeyCooloffHours: campaignFieldsBase.shape.gkeyCooloffHours.optional(),
  targetImpressions: campaignFieldsBase.shape.targetImpressions.default(null),
});
export type CampaignFields = z.infer<typeof campaignFieldsSchema>;
export type CampaignFieldsInput = z.input<typeof campaignFieldsSchema>;

export const campaignPatchSchema = campaignFieldsBase.partial();
export type CampaignPatch = z.infer<typeof campaignPatchSchema>;

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export interface CampaignRuleIssue {
  path: string[];
  message: string;
}

/** Rules across fields, for a whole campaign (a new one, or an existing one with a patch applied). */
export function campaignRuleIssues(
  fields: Pick<
    CampaignFields,
    'startsAt' | 'endsAt' | 'budgetCents' | 'pricing' | 'perStreamerCapCents' | 'maxParticipants'
  >,
): CampaignRuleIssue[] {
  const issues: CampaignRuleIssue[] = [];
  if (fields.endsAt.getTime() <= fields.startsAt.getTime()) {
    issues.push({ path: ['endsAt'], message: 'The end must be after the start' });
  } else if (fields.endsAt.getTime() - fields.startsAt.getTime() > MAX_CAMPAIGN_DAYS * 86_400_000) {
    issues.push({
      path: ['endsAt'],
      message: `A campaign runs for at most ${MAX_CAMPAIGN_DAYS} days`,
    });
  }
  if (fields.budgetCents < MIN_CAMPAIGN_BUDGET_CENTS) {
    issues.push({
      path: ['budgetCents'],
      message: `The budget must be at least ${dollars(MIN_CAMPAIGN_BUDGET_CENTS)}`,
    });
  } else if (fields.budgetCents > MAX_CAMPAIGN_BUDGET_CENTS) {
    issues.push({
      path: ['budgetCents'],
      message: `The budget is at most ${dollars(MAX_CAMPAIGN_BUDGET_CENTS)}`,
    });
  } else if (fields.budgetCents < fields.pricing.rateCents) {
    issues.push({
      path: ['budgetCents'],
      message: `The budget must cover at least the rate (${dollars(fields.pricing.rateCents)})`,
    });
  }
  if (fields.perStreamerCapCents !== null && fields.perStreamerCapCents > fields.budgetCents) {
    issues.push({
      path: ['perStreamerCapCents'],
      message: 'The per-streamer cap cannot exceed the budget',
    });
  }
  if (
    fields.pricing.model === 'fixed' &&
    fields.maxParticipants !== null &&
    fields.pricing.rateCents * fields.maxParticipants > fields.budgetCents
  ) {
    issues.push({
      path: ['maxParticipants'],
      message: `Fixed fees for ${fields.maxParticipants} streamers (${dollars(fields.pricing.rateCents * fields.maxParticipants)}) exceed the budget`,
    });
  }
  return issues;
}

/** A whole new campaign, defaults applied, cross-field rules checked. */
export const campaignInputSchema = campaignFieldsSchema.superRefine((fields, context) => {
  for (const issue of campaignRuleIssues(fields)) {
    context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
});
export type CampaignInput = z.input<typeof campaignInputSchema>;

export const campaignIdInputSchema = z.object({
  campaignId: idSchema('campaign'),
});

export const updateCampaignInputSchema = campaignIdInputSchema.extend({
  patch: campaignPatchSchema,
});
export type UpdateCampaignInput = z.input<typeof updateCampaignInputSchema>;

/** Why an administrator acts on a campaign: shown to the brand and kept in the audit log. */
export const campaignAdminReasonSchema = paragraphTextSchema({
  what: 'the reason',
  min: 5,
  max: 1000,
  required: 'Say why',
  tooShort: 'Say why in at least 5 characters',
});

export const rejectCampaignInputSchema = campaignIdInputSchema.extend({
  reason: campaignAdminReasonSchema,
});

/** Emergency pause, lifting it, force complete and force cancel. */
export const campaignOversightInputSchema = campaignIdInputSchema.extend({
  reason: campaignAdminReasonSchema,
});
export type CampaignOversightInput = z.input<typeof campaignOversightInputSchema>;

export const overrideCampaignBudgetInputSchema = campaignOversightInputSchema.extend({
  budgetCents: campaignFieldsBase.shape.budgetCents,
});
export type OverrideCampaignBudgetInput = z.input<typeof overrideCampaignBudgetInputSchema>;

export const listMyCampaignsInputSchema = pageInputSchema.extend({
  status: campaignStatusSchema.optional(),
});
/** What the admins' campaign table sorts by (either way). */
export const adminCampaignSortKeys = ['createdAt', 'startsAt', 'endsAt', 'budgetCents'] as const;
export const adminCampaignSortKeySchema = z.enum(adminCampaignSortKeys);
export type AdminCampaignSortKey = z.infer<typeof adminCampaignSortKeySchema>;

/** Every campaign for admins: no status is all of them; `query` matches title and brand name. */
export const adminListCampaignsInputSchema = pageInputSchema.extend({
  status: campaignStatusSchema.optional(),
  brandId: idSchema('brand').optional(),
  query: searchTextSchema(100),
  /** Oldest first by default: the review queue's order. */
  sortBy: adminCampaignSortKeySchema.default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type AdminListCampaignsInput = z.input<typeof adminListCampaignsInputSchema>;

export const discoverySorts = [
  { id: 'newest', label: 'Newest' },
  { id: 'highest_rate', label: 'Highest rate' },
  { id: 'ending_soon', label: 'Ending soon' },
  { id: 'budget_left', label: 'Most budget left' },
] as const;
export const discoverySortSchema = z.enum(['newest', 'highest_rate', 'ending_soon', 'budget_left']);
export type DiscoverySort = z.infer<typeof discoverySortSchema>;

export const discoverCampaignsInputSchema = pageInputSchema.extend({
  category: contentCategorySchema.optional(),
  pricingModel: pricingModelSchema.optional(),
  minRateCents: centsSchema.optional(),
  sort: discoverySortSchema.default('newest'),
});
export type DiscoverCampaignsInput = z.input<typeof discoverCampaignsInputSchema>;
