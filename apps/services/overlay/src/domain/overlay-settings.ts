import type {
  BlackoutPeriod,
  OverlayAnimation,
  OverlayCorner,
  OverlaySize,
  RotationStrategy,
  RotationWeights,
} from '@gametriggers/contracts';
import {
  blackoutPeriodSchema,
  overlayAnimationSchema,
  overlayCornerSchema,
  overlaySizeSchema,
  rotationStrategySchema,
  rotationWeightsSchema,
} from '@gametriggers/contracts';
import type { OverlaySettings as RealtimeOverlaySettings } from '@gametriggers/realtime';
import { z } from 'zod';
import type { Overlay } from '../generated/prisma/client';

export interface OverlaySettings {
  corner: OverlayCorner;
  size: OverlaySize;
  opacity: number;
  animation: OverlayAnimation;
  showSeconds: number;
  breakSeconds: number;
  maxAdsPerHour: number;
  paused: boolean;
  rotationStrategy: RotationStrategy;
  rotationIntervalSeconds: number;
  weights: RotationWeights;
  timeZone: string;
  blackouts: BlackoutPeriod[];
}

/** How much of the stream's width each size takes. */
const SIZE_PERCENT: Record<OverlaySize, number> = { small: 15, medium: 25, large: 35 };

export function settingsOf(overlay: Overlay): OverlaySettings {
  return {
    corner: overlayCornerSchema.parse(overlay.corner),
    size: overlaySizeSchema.parse(overlay.size),
    opacity: overlay.opacity,
    animation: overlayAnimationSchema.parse(overlay.animation),
    showSeconds: overlay.showSeconds,
    breakSeconds: overlay.breakSeconds,
    maxAdsPerHour: overlay.maxAdsPerHour,
    paused: overlay.paused,
    rotationStrategy: rotationStrategySchema.parse(overlay.rotationStrategy),
    rotationIntervalSeconds: overlay.rotationIntervalSeconds,
    weights: rotationWeightsSchema.parse(overlay.weights),
    timeZone: overlay.timeZone,
    blackouts: z.array(blackoutPeriodSchema).parse(overlay.blackouts),
  };
}

/** What the overlay page needs to draw ads, sent whole on every change. */
export function realtimeSettingsOf(overlay: Overlay): RealtimeOverlaySettings {
  const settings = settingsOf(overlay);
  return {
    corner: settings.corner.replace('_', '-') as RealtimeOverlaySettings['corner'],
    sizePercent: SIZE_PERCENT[settings.size],
    opacity: settings.opacity,
    animation: settings.animation,
    showSeconds: settings.showSeconds,
    breakSeconds: settings.breakSeconds,
    paused: settings.paused,
    updatedAt: overlay.updatedAt.toISOString(),
  };
}
