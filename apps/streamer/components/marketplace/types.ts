import type { RouterOutputs } from '@gametriggers/api';
import type { CampaignStanding } from '@gametriggers/contracts';

/** A campaign as a streamer sees it in the marketplace (`campaign.discover`, `campaign.publicView`). */
export type MarketplaceCampaign = RouterOutputs['campaign']['publicView'];

/** Where the streamer stands with a campaign (`participation.standings`), as a card shows it. */
export interface CampaignStandingView {
  standing: CampaignStanding;
  /** Why it is not joinable now (the first blocker a join would meet); null when it is. */
  reason: string | null;
  /** Conflict-rule warnings a join would ask to acknowledge. */
  warnings: string[];
}

/** A discovered campaign with the streamer's standing; null when the standings could not be read. */
export type MarketplaceEntry = MarketplaceCampaign & { standing: CampaignStandingView | null };
