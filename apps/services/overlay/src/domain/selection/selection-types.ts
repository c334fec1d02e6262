import type { BlackoutPeriod, Frequency, Pricing, RotationStrategy, RotationWeights } from '@gametriggers/contracts';

/** A live participation the overlay could show now. */
export interface AdCandidate {
  participationId: string;
  campaignId: string;
  pricing: Pricing;
  frequency: Frequency;
  /** Observed click-through rate (clicks per impression), or null while unknown. */
  ctr: number | null;
}

/** One earlier (non-test) show on this overlay. */
export interface PastShow {
  participationId: string;
  campaignId: string;
  shownAt: Date;
}

export interface SelectionSettings {
  paused: boolean;
  rotationStrategy: RotationStrategy;
  rotationIntervalSeconds: number;
  weights: RotationWeights;
  maxAdsPerHour: number;
  timeZone: string;
  blackouts: readonly BlackoutPeriod[];
}

export interface SelectionInput {
  now: Date;
  live: boolean;
  settings: SelectionSettings;
  candidates: readonly AdCandidate[];
  /** This overlay's shows, at least those of the last hour and of the current rotation streak. */
  history: readonly PastShow[];
  /** The stream's current viewers, for expected earnings. */
  viewers: number;
  /** In [0, 1); the performance strategy's exploration draws from it. */
  random: () => number;
}

export type NoAdReason =
  | 'offline'
  | 'paused'
  | 'blackout'
  | 'overlay_hourly_cap'
  | 'no_live_participation'
  | 'campaign_frequency';

export type Selection =
  | { kind: 'show'; candidate: AdCandidate }
  | { kind: 'none'; reason: NoAdReason };
