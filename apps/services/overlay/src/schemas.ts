import {
  blackoutPeriodSchema,
  creativeSchema,
  idSchema,
  legacyIdSchema,
  opaqueStringSchema,
  overlaySettingsInputSchema,
  overlayAnimationSchema,
  overlayCornerSchema,
  overlaySizeSchema,
  rotationStrategySchema,
  rotationWeightsSchema,
} from '@gametriggers/contracts';
import { z } from 'zod';

export const overlaySettingsOutput = z.object({
  corner: overlayCornerSchema,
  size: overlaySizeSchema,
  opacity: z.number(),
  animation: overlayAnimationSchema,
  showSeconds: z.number().int(),
  breakSeconds: z.number().int(),
  maxAdsPerHour: z.number().int(),
  paused: z.boolean(),
  rotationStrategy: rotationStrategySchema,
  rotationIntervalSeconds: z.number().int(),
  weights: rotationWeightsSchema,
  timeZone: z.string(),
  blackouts: z.array(blackoutPeriodSchema),
});

export const overlayOutput = z.object({
  overlayId: z.uuid(),
  streamerId: z.uuid(),
  /**
   * The streamer's own secret, in every answer to its owner; never to an admin. Null too for an
   * overlay whose key predates encrypted storage, until it is regenerated.
   */
  key: z.string().nullable(),
  keyPrefix: z.string(),
  keyGeneratedAt: z.date(),
  live: z.boolean(),
  settings: overlaySettingsOutput,
  updatedAt: z.date(),
});

export const overlayPreviewOutput = z.object({
  overlayId: z.uuid(),
  live: z.boolean(),
  /** What the overlay would do now: show this participation's ad, or nothing and why. */
  selection: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('show'), participationId: z.uuid() }),
    z.object({
      kind: z.literal('none'),
      reason: z.enum(['offline', 'paused', 'blackout', 'overlay_hourly_cap', 'no_live_participation', 'campaign_frequency']),
    }),
  ]),
  ads: z.array(
    z.object({
      participationId: z.uuid(),
      campaignId: z.uuid(),
      brandName: z.string().nullable(),
      title: z.string(),
      creative: creativeSchema,
      clickThroughUrl: z.string(),
      durationSeconds: z.number().int(),
    }),
  ),
});

export const testFireOutput = z.object({
  adId: z.string(),
  participationId: z.uuid(),
  durationSeconds: z.number().int(),
});

/** An imported streamer's overlay (`pnpm import:legacy`): see `importLegacyOverlay`. */
export const legacyOverlayImportInput = z.object({
  streamerId: idSchema('streamer'),
  legacyStreamerId: legacyIdSchema,
  legacyOverlayToken: opaqueStringSchema({ what: 'old overlay token', max: 200 }).nullable(),
  settings: overlaySettingsInputSchema
    .pick({ corner: true, size: true, opacity: true, rotationStrategy: true, rotationIntervalSeconds: true })
    .required(),
});
export const legacyOverlayImportOutput = z.object({
  overlayId: z.string(),
  outcome: z.enum(['created', 'updated', 'unchanged']),
});
