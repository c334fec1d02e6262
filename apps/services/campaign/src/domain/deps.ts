import type { PlatformConfigSource } from '@gametriggers/platform-config';
import type { AssetLibrary } from '../clients/asset-library';
import type { BrandDirectory } from '../clients/brand-directory';
import type { BudgetReserver } from '../clients/payment-ledger';
import type { StreamerDirectory } from '../clients/streamer-directory';
import type { CampaignDb } from '../database';
import type { CampaignScheduler } from '../jobs/campaign-scheduler';

export interface CampaignDeps {
  db: CampaignDb;
  brands: BrandDirectory;
  streamers: StreamerDirectory;
  /** The payment ledger: budgets move from the brand's wallet into the campaign's escrow. */
  payments: BudgetReserver;
  schedule: CampaignScheduler;
  now: () => Date;
  /** The asset service: a creative is one of the brand's uploads, checked (and approved to go to review). */
  assets: AssetLibrary;
  /** The platform configuration (the default G-Key cool-off of a new campaign). */
  platformConfig: PlatformConfigSource;
}
