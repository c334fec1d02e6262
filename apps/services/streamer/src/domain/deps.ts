import type { ConnectablePlatform } from '@gametriggers/contracts';
import type { Logger } from '@gametriggers/trpc';
import type { KycDocumentAssets } from '../clients/kyc-document-assets';
import type { StreamerDb } from '../database';
import type { PlatformClient } from '../platforms/platform-client';
import type { SecretBox } from './secret-box';

export interface StreamerDeps {
  db: StreamerDb;
  secrets: SecretBox;
  platforms: Record<ConnectablePlatform, PlatformClient>;
  /** OAuth redirect URIs must be on this origin (the streamer portal). */
  portalUrl: string;
  /** How often metrics are synced; a live sample counts for this long in the monthly hours. */
  syncIntervalMinutes: number;
  now: () => Date;
  /** Queues an immediate metrics sync of one connected platform. */
  queueMetricsSync: (platformId: string) => Promise<void>;
  log: Logger;
  /** The asset service, asked whether an uploaded KYC document may be attached to a request. */
  documents: KycDocumentAssets;
}
