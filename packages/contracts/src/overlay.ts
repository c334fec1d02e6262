import { z } from 'zod';
import { creativeSchema, frequencySchema, pricingSchema } from './campaign';
import { campaignStatusSchema } from './internal';
import { idSchema, instantFromTextSchema, opaqueStringSchema } from './primitives';
import { timeZoneSchema, weekdaySchema } from './vocabulary';

export const overlayCorners = ['top_left', 'top_right', 'bottom_left', 'bottom_right'] as const;
export const overlayCornerSchema = z.enum(overlayCorners, { error: 'Choose a corner' });
export type OverlayCorner = z.infer<typeof overlayCornerSchema>;

export const overlaySizes = ['small', 'medium', 'large'] as const;
export const overlaySizeSchema = z.enum(overlaySizes, { error: 'Choose a size' });
export type OverlaySize = z.infer<typeof overlaySizeSchema>;

export const overlayAnimations = ['fade', 'slide', 'none'] as const;
export const overlayAnimationSchema = z.enum(overlayAnimations, { error: 'Choose an animation' });
export type OverlayAnimation = z.infer<typeof overlayAnimationSchema>;

/** How the overlay picks the next ad when several participations are live (PRODUCT.md). */
export const rotationStrategies = ['fair', 'time', 'weighted', 'performance', 'revenue'] as const;
export const rotationStrategySchema = z.enum(rotationStrategies, { error: 'Choose a rotation strategy' });
export type RotationStrategy = z.infer<typeof rotationStrategySchema>;

const weightSchema = z
  .number({ error: 'Enter a weight' })
  .min(0, 'Weights are 0 or more')
  .max(10, 'Weights are at most 10');

/** The weighted strategy's mix: how much the rate, the click-through rate and fairness count. */
export const rotationWeightsSchema = z
  .object({ rate: weightSchema, ctr: weightSchema, fairness: weightSchema })
  .refine((weights) => weights.rate + weights.ctr + weights.fairness > 0, {
    error: 'At least one weight must be above 0',
  });
export type RotationWeights = z.infer<typeof rotationWeightsSchema>;

const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, e.g. 21:30');

/**
 * A time no ad shows: every given weekday between two clock times in the overlay's time zone (an
 * end before the start runs past midnight), or once between two instants.
 */
export const blackoutPeriodSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('weekly'),
      weekdays: z.array(weekdaySchema).min(1, 'Choose at least one day').max(7, 'Choose each day once'),
      from: clockTimeSchema,
      to: clockTimeSchema,
    })
    .refine((period) => period.from !== period.to, { error: 'The end must differ from the start', path: ['to'] }),
  z
    .object({ kind: z.literal('once'), from: instantFromTextSchema(), to: instantFromTextSchema() })
    .refine((period) => period.to > period.from, { error: 'The end must be after the start', path: ['to'] }),
]);
export type BlackoutPeriod = z.infer<typeof blackoutPeriodSchema>;

export const overlaySettingsInputSchema = z
  .object({
    corner: overlayCornerSchema,
    size: overlaySizeSchema,
    opacity: z.number({ error: 'Enter an opacity' }).min(0.2, 'Opacity is at least 0.2').max(1, 'Opacity is at most 1'),
    animation: overlayAnimationSchema,
    showSeconds: z
      .number({ error: 'Enter how long an ad shows' })
      .int('Use whole seconds')
      .min(5, 'An ad shows for at least 5 seconds')
      .max(120, 'An ad shows for at most 120 seconds'),
    breakSeconds: z
      .number({ error: 'Enter the break between ads' })
      .int('Use whole seconds')
      .min(0, 'The break cannot be negative')
      .max(3_600, 'The break is at most an hour'),
    maxAdsPerHour: z
      .number({ error: 'Enter the ads per hour' })
      .int('Use a whole number')
      .min(1, 'At least 1 ad per hour')
      .max(120, 'At most 120 ads per hour'),
    rotationStrategy: rotationStrategySchema,
    rotationIntervalSeconds: z
      .number({ error: 'Enter the rotation interval' })
      .int('Use whole seconds')
      .min(30, 'Rotate at most every 30 seconds')
      .max(86_400, 'Rotate at least once a day'),
    weights: rotationWeightsSchema,
    timeZone: timeZoneSchema,
    blackouts: z.array(blackoutPeriodSchema).max(20, 'At most 20 blackout periods'),
  })
  .partial();
export type OverlaySettingsInput = z.infer<typeof overlaySettingsInputSchema>;

export const overlaySetPausedInputSchema = z.object({ paused: z.boolean() });
export const overlayTestFireInputSchema = z.object({ participationId: idSchema('participation').optional() });
export const overlayResolveKeyInputSchema = z.object({ key: opaqueStringSchema({ what: 'overlay key', max: 200 }) });

/**
 * `campaign.internal.deliveryInfo({ campaignIds })` → one of these per known campaign: what the
 * overlay service needs to show a campaign's ad and pick between ads.
 */
export const campaignDeliveryInfoSchema = z.object({
  campaignId: z.uuid(),
  brandName: z.string().nullable(),
  title: z.string(),
  creative: creativeSchema,
  clickThroughUrl: z.string(),
  frequency: frequencySchema,
  pricing: pricingSchema,
  status: campaignStatusSchema,
  /** Counted so far, for the click-through rate. */
  impressions: z.number().int().nonnegative(),
  clicks: z.number().int().nonnegative(),
});
export type CampaignDeliveryInfo = z.infer<typeof campaignDeliveryInfoSchema>;
export const campaignDeliveryInfoInputSchema = z.object({ campaignIds: z.array(idSchema('campaign')).max(200) });
