import {
  campaignStandingSchema,
  contentCategorySchema,
  gkeyStateSchema,
  joinModeSchema,
  participationRefusalReasons,
  participationStatusSchema,
  removalReasonSchema,
  ruleParamsSchema,
  ruleScopeSchema,
  ruleSeveritySchema,
  violationOutcomeSchema,
} from '@gametriggers/contracts';
import { z } from 'zod';

// Output schemas: exactly what each procedure returns, nothing more.

export const participationOutput = z.object({
  id: z.string(),
  campaignId: z.string(),
  brandId: z.string(),
  streamerId: z.string(),
  /** The tracked short link's code; only for the participation's own streamer (null for others). */
  clickCode: z.string().nullable(),
  status: participationStatusSchema,
  joinMode: joinModeSchema,
  gkeyCategory: z.string().nullable(),
  campaignTitle: z.string(),
  campaignCategories: z.array(z.string()),
  gkeyCooloffHours: z.number().int(),
  streamer: z.object({
    displayName: z.string(),
    followers: z.number().int(),
    averageViewers: z.number().int(),
  }),
  applicationMessage: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  removal: z
    .object({ reason: removalReasonSchema, note: z.string(), forfeitEarnings: z.boolean() })
    .nullable(),
  appliedAt: z.date().nullable(),
  joinedAt: z.date().nullable(),
  pausedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const participationPageOutput = z.object({
  items: z.array(participationOutput),
  nextCursor: z.string().nullable(),
});

export const energyOutput = z.object({
  used: z.number().int(),
  remaining: z.number().int(),
  capacity: z.number().int(),
  resetsAt: z.date(),
  timezone: z.string(),
});

const ruleNoticeOutput = z.object({
  ruleId: z.string(),
  rule: z.string(),
  severity: ruleSeveritySchema,
  message: z.string(),
});

export const admissionOutput = z.object({
  participation: participationOutput,
  energy: energyOutput,
  /** Warnings the streamer acknowledged and advisories, for the record. */
  warnings: z.array(ruleNoticeOutput),
});

export const keyOutput = z.object({
  category: contentCategorySchema,
  state: gkeyStateSchema,
  campaignId: z.string().nullable(),
  campaignTitle: z.string().nullable(),
  participationId: z.string().nullable(),
  brandId: z.string().nullable(),
  cooloffUntil: z.date().nullable(),
});

export const eligibilityOutput = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  joinMode: joinModeSchema,
  action: z.enum(['join', 'apply']),
  canProceed: z.boolean(),
  /** Where the streamer stands, in one word the marketplace labels; `blockers` say why. */
  standing: campaignStandingSchema,
  blockers: z.array(
    z.object({
      reason: z.enum(participationRefusalReasons),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  warnings: z.array(ruleNoticeOutput),
  advisories: z.array(ruleNoticeOutput),
  category: contentCategorySchema.nullable(),
  energy: z
    .object({ remaining: z.number().int(), capacity: z.number().int(), resetsAt: z.date() })
    .nullable(),
  participation: z.object({ id: z.string(), status: participationStatusSchema }).nullable(),
});

export const conflictRuleOutput = z.object({
  id: z.string(),
  name: z.string(),
  message: z.string(),
  type: z.enum(['category_exclusivity', 'brand_exclusivity', 'cooldown', 'simultaneous_limit']),
  severity: ruleSeveritySchema,
  params: ruleParamsSchema,
  scope: ruleScopeSchema,
  activeFrom: z.date().nullable(),
  activeUntil: z.date().nullable(),
  disabledAt: z.date().nullable(),
  inEffect: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const violationOutput = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  ruleType: z.enum(['category_exclusivity', 'brand_exclusivity', 'cooldown', 'simultaneous_limit']),
  streamerId: z.string(),
  campaignId: z.string(),
  brandId: z.string(),
  severity: ruleSeveritySchema,
  outcome: violationOutcomeSchema,
  attempt: z.enum(['join', 'apply', 'approve']),
  message: z.string(),
  override: z
    .object({ by: z.string(), at: z.date(), note: z.string(), usedAt: z.date().nullable() })
    .nullable(),
  createdAt: z.date(),
});

export const violationPageOutput = z.object({
  items: z.array(violationOutput),
  nextCursor: z.string().nullable(),
});
