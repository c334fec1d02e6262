import { z } from 'zod';
import { pageInputSchema } from './pagination';
import { idSchema, instantSchema, lineTextSchema, paragraphTextSchema } from './primitives';
import { contentCategorySchema, countrySchema } from './vocabulary';

// Input schemas of the participation service; the portals validate their forms with the same ones.

export const participationStatuses = [
  'pending',
  'active',
  'paused',
  'completed',
  'left_early',
  'removed',
  'rejected',
  'withdrawn',
] as const;
export const participationStatusSchema = z.enum(participationStatuses);
export type ParticipationStatus = z.infer<typeof participationStatusSchema>;

/** Statuses that hold the streamer's G-Key (a live participation). */
export const liveParticipationStatuses = [
  'active',
  'paused',
] as const satisfies readonly ParticipationStatus[];

export const participationStatusLabels: Record<ParticipationStatus, string> = {
  pending: 'Application pending',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  left_early: 'Left early',
  removed: 'Removed',
  rejected: 'Application rejected',
  withdrawn: 'Withdrawn',
};

export const removalReasons = [
  { id: 'violation', label: 'Rule violation' },
  { id: 'fraud', label: 'Fraud' },
  { id: 'admin_decision', label: 'Admin decision' },
  { id: 'brand_decision', label: 'Brand decision' },
] as const;
export const removalReasonSchema = z.enum(
  ['violation', 'fraud', 'admin_decision', 'brand_decision'],
  {
    error: 'Choose a reason for the removal',
  },
);
export type RemovalReason = z.infer<typeof removalReasonSchema>;

export const gkeyStates = ['available', 'locked', 'cooloff'] as const;
export const gkeyStateSchema = z.enum(gkeyStates);
export type GKeyState = z.infer<typeof gkeyStateSchema>;

/** Energy packs a streamer gets per local day; joining a campaign costs one. */
export const DAILY_ENERGY = 10;

/**
 * Why a join, application or approval is refused: stable names the portals branch on. The first
 * nine are the join checks; the last ones are about acting on an existing participation.
 */
export const participationRefusalReasons = [
  'campaign_not_active',
  'not_eligible',
  'no_key',
  'no_energy',
  'already_joined',
  'application_pending',
  'campaign_full',
  'conflict_rule',
  'wrong_join_mode',
  'removed_from_campaign',
  'application_rejected',
] as const;
export type ParticipationRefusalReason = (typeof participationRefusalReasons)[number];

const campaignIdSchema = idSchema('campaign');
const participationIdSchema = idSchema('participation');

export const joinCampaignInputSchema = z.object({
  campaignId: campaignIdSchema,
  /** The streamer saw the warnings of conflict rules and joins anyway. */
  acknowledgeWarnings: z.boolean().optional(),
});
export type JoinCampaignInput = z.input<typeof joinCampaignInputSchema>;

export const applyToCampaignInputSchema = joinCampaignInputSchema.extend({
  message: paragraphTextSchema({ what: 'the message', max: 1000 }).optional(),
});
export type ApplyToCampaignInput = z.input<typeof applyToCampaignInputSchema>;

export const campaignRefInputSchema = z.object({ campaignId: campaignIdSchema });

/** Campaigns of one marketplace page, for `participation.standings`. */
export const MAX_STANDINGS_PER_CALL = 50;
export const campaignRefsInputSchema = z.object({
  campaignIds: z.array(campaignIdSchema).min(1).max(MAX_STANDINGS_PER_CALL),
});

/**
 * Where a streamer stands with a campaign, from the join checks: join or apply now, already running
 * it, waiting for the brand, or blocked (the first blocker says why).
 */
export const campaignStandings = ['join', 'apply', 'running', 'pending', 'blocked'] as const;
export const campaignStandingSchema = z.enum(campaignStandings);
export type CampaignStanding = z.infer<typeof campaignStandingSchema>;

export const campaignStandingLabels: Record<CampaignStanding, string> = {
  join: 'Join instantly',
  apply: 'Apply',
  running: 'You run this',
  pending: 'Application pending',
  blocked: 'Not joinable',
};
export const participationRefInputSchema = z.object({ participationId: participationIdSchema });

export const rejectApplicationInputSchema = z.object({
  participationId: participationIdSchema,
  reason: paragraphTextSchema({
    what: 'the reason',
    min: 3,
    max: 500,
    required: 'Tell the streamer why',
    tooShort: 'Tell the streamer why, in a few words',
  }),
});
export type RejectApplicationInput = z.input<typeof rejectApplicationInputSchema>;

export const removeParticipantInputSchema = z.object({
  participationId: participationIdSchema,
  reason: removalReasonSchema,
  note: paragraphTextSchema({
    what: 'the note',
    min: 3,
    max: 1000,
    required: 'Explain the removal',
    tooShort: 'Explain the removal, in a few words',
  }),
  forfeitEarnings: z.boolean(),
});
export type RemoveParticipantInput = z.input<typeof removeParticipantInputSchema>;

export const listMyParticipationsInputSchema = pageInputSchema.extend({
  status: participationStatusSchema.optional(),
});
export type ListMyParticipationsInput = z.input<typeof listMyParticipationsInputSchema>;

export const listCampaignParticipantsInputSchema = pageInputSchema.extend({
  campaignId: campaignIdSchema,
  status: participationStatusSchema.optional(),
});
export type ListCampaignParticipantsInput = z.input<typeof listCampaignParticipantsInputSchema>;

/** Every participation on the platform, for campaign admins; each filter narrows it. */
export const listParticipationsInputSchema = pageInputSchema.extend({
  status: participationStatusSchema.optional(),
  campaignId: campaignIdSchema.optional(),
  brandId: idSchema('brand').optional(),
  streamerId: idSchema('streamer').optional(),
});
export type ListParticipationsInput = z.input<typeof listParticipationsInputSchema>;

// Conflict rules (admin-managed)

export const conflictRuleTypes = [
  { id: 'category_exclusivity', label: 'Category exclusivity' },
  { id: 'brand_exclusivity', label: 'Brand exclusivity' },
  { id: 'cooldown', label: 'Cool-down period' },
  { id: 'simultaneous_limit', label: 'Simultaneous limit' },
] as const;
export const ruleSeveritySchema = z.enum(['blocking', 'warning', 'advisory'], {
  error: 'Choose a severity',
});
export type RuleSeverity = z.infer<typeof ruleSeveritySchema>;

export const violationOutcomeSchema = z.enum(['refused', 'acknowledged', 'logged', 'overridden']);
export type ViolationOutcome = z.infer<typeof violationOutcomeSchema>;

const distinct = <T>(list: T[]) => new Set(list).size === list.length;

/** Who and what a rule applies to; an empty list means "all". Regions are the streamer's country. */
export const ruleScopeSchema = z.object({
  streamerIds: z.array(idSchema('streamer')).max(500).refine(distinct, 'List each streamer once').default([]),
  brandIds: z.array(idSchema('brand')).max(500).refine(distinct, 'List each brand once').default([]),
  categories: z
    .array(contentCategorySchema)
    .max(50)
    .refine(distinct, 'List each category once')
    .default([]),
  regions: z.array(countrySchema).max(100).refine(distinct, 'List each region once').default([]),
});
export type RuleScope = z.infer<typeof ruleScopeSchema>;

export const ruleParamsSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('category_exclusivity'),
    /** No two live campaigns touching these categories at once. */
    categories: z
      .array(contentCategorySchema)
      .min(1, 'Choose at least one category')
      .max(50)
      .refine(distinct, 'List each category once'),
  }),
  z.object({
    type: z.literal('brand_exclusivity'),
    /** Competing brands: no two live campaigns of different brands from this list at once. */
    brandIds: z
      .array(idSchema('brand'))
      .min(2, 'List at least two competing brands')
      .max(500, 'List at most 500 brands')
      .refine(distinct, 'List each brand once'),
  }),
  z.object({
    type: z.literal('cooldown'),
    hours: z
      .number()
      .int()
      .min(1, 'At least one hour')
      .max(24 * 365, 'At most a year'),
    /** What must differ: a participation in the same category, or of the same brand. */
    by: z.enum(['category', 'brand']),
    /** Limits the cool-down to these categories (by category) or brands (by brand); empty: all. */
    categories: z.array(contentCategorySchema).max(50).default([]),
    brandIds: z.array(idSchema('brand')).max(500).default([]),
  }),
  z.object({
    type: z.literal('simultaneous_limit'),
    max: z.number().int().min(1, 'At least one').max(100, 'At most 100'),
  }),
]);
export type RuleParams = z.infer<typeof ruleParamsSchema>;
export type ConflictRuleType = RuleParams['type'];

export const conflictRuleInputSchema = z
  .object({
    name: lineTextSchema({
      what: 'the rule’s name',
      min: 3,
      max: 120,
      required: 'Name the rule',
      tooShort: 'Use at least 3 characters',
      tooLong: 'Use at most 120 characters',
    }),
    /** What the streamer reads when the rule stops or warns them. */
    message: paragraphTextSchema({
      what: 'the message',
      min: 5,
      max: 500,
      required: 'Write the message streamers see',
      tooShort: 'Use at least 5 characters',
      tooLong: 'Use at most 500 characters',
    }),
    severity: ruleSeveritySchema,
    params: ruleParamsSchema,
    scope: ruleScopeSchema.default({ streamerIds: [], brandIds: [], categories: [], regions: [] }),
    activeFrom: instantSchema().nullable().default(null),
    activeUntil: instantSchema().nullable().default(null),
  })
  .refine((rule) => !rule.activeFrom || !rule.activeUntil || rule.activeFrom < rule.activeUntil, {
    path: ['activeUntil'],
    message: 'The window must end after it starts',
  });
export type ConflictRuleInput = z.input<typeof conflictRuleInputSchema>;

export const updateConflictRuleInputSchema = z.object({
  ruleId: idSchema('rule'),
  rule: conflictRuleInputSchema,
});
export const conflictRuleRefInputSchema = z.object({ ruleId: idSchema('rule') });
/** Disabling stops a rule from applying: the admin says why (kept in the audit log). */
export const disableConflictRuleInputSchema = conflictRuleRefInputSchema.extend({
  reason: paragraphTextSchema({
    what: 'the reason',
    min: 3,
    max: 1000,
    required: 'Say why',
    tooShort: 'Say why, in a few words',
  }),
});
export type DisableConflictRuleInput = z.input<typeof disableConflictRuleInputSchema>;

export const listConflictRulesInputSchema = z.object({
  includeDisabled: z.boolean().default(true),
});

export const listViolationsInputSchema = pageInputSchema.extend({
  ruleId: idSchema('rule').optional(),
  streamerId: idSchema('streamer').optional(),
  campaignId: idSchema('campaign').optional(),
  outcome: violationOutcomeSchema.optional(),
});
export type ListViolationsInput = z.input<typeof listViolationsInputSchema>;

export const overrideViolationInputSchema = z.object({
  violationId: idSchema('violation'),
  note: paragraphTextSchema({
    what: 'the note',
    min: 3,
    max: 1000,
    required: 'Say why',
    tooShort: 'Say why, in a few words',
  }),
});
export type OverrideViolationInput = z.input<typeof overrideViolationInputSchema>;

/** A participation's tracked short link code: URL-safe, 8–32 characters. */
export const clickCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);

/**
 * `participation.internal.byClickCode({ clickCode })` → the participation behind a short link, or
 * null: what the analytics service needs to redirect and count a click it has no event for yet.
 */
export const participationByClickCodeInputSchema = z.object({ clickCode: clickCodeSchema });
export const participationByClickCodeSchema = z.object({
  participationId: z.uuid(),
  campaignId: z.uuid(),
  brandId: z.uuid(),
  streamerId: z.uuid(),
  clickCode: clickCodeSchema,
  status: participationStatusSchema,
});
export type ParticipationByClickCode = z.infer<typeof participationByClickCodeSchema>;
