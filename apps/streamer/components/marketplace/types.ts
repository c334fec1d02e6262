import type { RouterOutputs } from '@gametriggers/api';

/** A campaign as a streamer sees it in the marketplace (`campaign.discover`, `campaign.publicView`). */
export type MarketplaceCampaign = RouterOutputs['campaign']['publicView'];
