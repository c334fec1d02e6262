import type { CampaignDirectory } from '../clients/campaign-directory';
import type { StreamerDirectory } from '../clients/streamer-directory';
import type { AnalyticsDb } from '../database';

export interface AnalyticsDeps {
  db: AnalyticsDb;
  campaigns: CampaignDirectory;
  streamers: StreamerDirectory;
  now: () => Date;
}
