import { z } from 'zod';
import { centsSchema, countSchema } from './primitives/amounts';
import { paragraphTextSchema } from './primitives/text';
import { cursorInputSchema } from './primitives/keyset-cursor';
import { DAILY_ENERGY } from './participation';

/**
 * The platform's operating settings, changed by a super admin in the admin service and read by the
 * services through `@gametriggers/platform-config`. Defaults are today's hard-coded values.
 */
const platformConfigFields = z.object({
  /** The platform's share of each charge, in basis points (2000 = 20 %). */
  platformFeeBps: countSchema({ what: 'platform fee (basis points)', max: 5_000 }),
  /** Days a streamer's earnings stay pending before they can be withdrawn. */
  earningsHoldDays: countSchema({ what: 'earnings hold (days)', max: 90 }),
  withdrawalMinimumCents: centsSchema,
  withdrawalDailyLimitCents: centsSchema,
  withdrawalMonthlyLimitCents: centsSchema,
  /** Withdrawals above this wait for an admin's approval. */
  withdrawalApprovalThresholdCents: centsSchema,
  /** Energy packs a streamer gets each day (each join spends one). */
  energyPacksPerDay: countSchema({ what: 'energy packs per day', min: 1, max: 100 }),
  /** A G-Key's cool-off after a campaign ends, unless the campaign sets its own. */
  defaultGKeyCooloffHours: countSchema({ what: 'G-Key cool-off (hours)', max: 8_760 }),
  /** Overlay reports per second one overlay key may send, sustained. */
  ingestRatePerKey: countSchema({ what: 'ingest rate per overlay (per second)', min: 1, max: 10_000 }),
  /** Reports one overlay key may send in a burst. */
  ingestBurstPerKey: countSchema({ what: 'ingest burst per overlay', min: 1, max: 100_000 }),
});

function refineLimits(
  values: Partial<z.infer<typeof platformConfigFields>>,
  context: z.RefinementCtx,
) {
  const { withdrawalMinimumCents: min, withdrawalDailyLimitCents: daily } = values;
  const { withdrawalMonthlyLimitCents: monthly, ingestRatePerKey: rate } = values;
  if (min !== undefined && daily !== undefined && min > daily) {
    context.addIssue({
      code: 'custom',
      path: ['withdrawalMinimumCents'],
      message: 'The withdrawal minimum cannot be above the daily limit',
    });
  }
  if (daily !== undefined && monthly !== undefined && daily > monthly) {
    context.addIssue({
      code: 'custom',
      path: ['withdrawalDailyLimitCents'],
      message: 'The daily withdrawal limit cannot be above the monthly limit',
    });
  }
  if (rate !== undefined && values.ingestBurstPerKey !== undefined && values.ingestBurstPerKey < rate) {
    context.addIssue({
      code: 'custom',
      path: ['ingestBurstPerKey'],
      message: 'The ingest burst must be at least the ingest rate',
    });
  }
}

export const platformConfigSchema = platformConfigFields.strict().superRefine(refineLimits);
export type PlatformConfig = z.infer<typeof platformConfigSchema>;
export type PlatformConfigKey = keyof PlatformConfig;
export const platformConfigKeys = Object.keys(platformConfigFields.shape) as PlatformConfigKey[];

export const defaultPlatformConfig: PlatformConfig = {
  platformFeeBps: 2_000,
  earningsHoldDays: 3,
  withdrawalMinimumCents: 1_000,
  withdrawalDailyLimitCents: 500_000,
  withdrawalMonthlyLimitCents: 2_000_000,
  withdrawalApprovalThresholdCents: 100_000,
  energyPacksPerDay: DAILY_ENERGY,
  /** 30 days; a campaign created without its own cool-off takes the value in force then. */
  defaultGKeyCooloffHours: 720,
  ingestRatePerKey: 50,
  ingestBurstPerKey: 1_000,
};

/** A change: only the settings that change, why, and the version it was made against. */
export const updatePlatformConfigInputSchema = z.object({
  changes: platformConfigFields
    .partial()
    .strict()
    .refine((changes) => Object.keys(changes).length > 0, 'Change at least one setting'),
  reason: paragraphTextSchema({ what: 'the reason', min: 3, max: 1000 }),
  /** The version the admin was looking at; a newer one refuses the change (someone else changed it). */
  expectedVersion: countSchema({ what: 'version', max: 1_000_000_000 }),
});
export type UpdatePlatformConfigInput = z.input<typeof updatePlatformConfigInputSchema>;

export const platformConfigHistoryInputSchema = z.object({
  cursor: cursorInputSchema.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
