import {
  blackoutPeriodSchema,
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
  /** The streamer's own secret, present only in the answer that generated it. */
  key: z.string().nullable(),
  keyPrefix: z.string(),
  keyGeneratedAt: z.date(),
  live: z.boolean(),
  settings: overlaySettingsOutput,
  updatedAt: z.date(),
});
