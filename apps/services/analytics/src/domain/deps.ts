import type { CampaignDirectory } from '../clients/campaign-directory';
import type { AnalyticsDb } from '../database';

export interface AnalyticsDeps {
  db: AnalyticsDb;
  campaigns: CampaignDirectory;
  now: () => Date;
}
