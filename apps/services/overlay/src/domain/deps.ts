import type { CampaignDeliveryInfo } from '@gametriggers/contracts';
import type { RealtimePublisher } from '@gametriggers/realtime';
import type { SecretBox } from '@gametriggers/tokens/secret-box';
import type { Logger } from '@gametriggers/trpc';
import type { OverlayDb } from '../database';

/** Reacts to anything that changes what an overlay should show now. */
export interface DeliveryTrigger {
  /** Re-evaluate the overlay at once (settings, pause, live status or its ads changed). */
  overlayChanged(overlayId: string): Promise<void>;
  /** Check the overlay again at `at` (hide the ad on show, end the break). */
  checkAt(overlayId: string, at: Date): Promise<void>;
}

/** Fresh reads from the campaign service. */
export interface CampaignDirectory {
  deliveryInfo(campaignIds: string[]): Promise<CampaignDeliveryInfo[]>;
}

export interface OverlayDeps {
  db: OverlayDb;
  realtime: RealtimePublisher;
  campaigns: CampaignDirectory;
  delivery: DeliveryTrigger;
  now: () => Date;
  log: Logger;
  /** In [0, 1): the performance strategy's exploration. */
  random: () => number;
  /** Encrypts the overlay keys at rest, so their owners can read them again. */
  secrets: SecretBox;
  /** Public base of the tracked short links (`<base>/r/<code>`): the gateway. */
  shortLinkBaseUrl: string;
}
