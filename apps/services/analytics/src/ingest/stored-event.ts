import type { InvalidReason } from './traffic-rules';

/** One overlay report as stored in `overlay_events`. */
export interface StoredEvent {
  id: string;
  at: Date;
  overlayId: string;
  streamerId: string;
  type: string;
  adId: string | null;
  participationId: string | null;
  campaignId: string | null;
  viewers: number | null;
  test: boolean;
  invalidReason: InvalidReason | null;
}
