import type { Logger } from '@gametriggers/trpc';
import type { RealtimePublisher } from '@gametriggers/realtime';
import type { OverlayDb } from '../database';

/** Reacts to anything that changes what an overlay should show now. */
export interface DeliveryTrigger {
  /** Re-evaluate the overlay at once (settings, pause, live status or its ads changed). */
  overlayChanged(overlayId: string): Promise<void>;
}

export interface OverlayDeps {
  db: OverlayDb;
  realtime: RealtimePublisher;
  delivery: DeliveryTrigger;
  now: () => Date;
  log: Logger;
}
