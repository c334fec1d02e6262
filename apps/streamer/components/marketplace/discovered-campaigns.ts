import type { DiscoverCampaignsInput } from '@gametriggers/contracts';
import type { portal } from '../../portal';
import type { CampaignStandingView, MarketplaceEntry } from './types';

type SessionApi = Awaited<ReturnType<typeof portal.sessionApi>>;
type Eligibility = Awaited<ReturnType<SessionApi['participation']['standings']['query']>>[number];

/** What a card says about the streamer's standing: the word, and why when it is not joinable. */
function standingView(eligibility: Eligibility): CampaignStandingView {
  const refusal = eligibility.standing === 'blocked' ? eligibility.blockers[0] : undefined;
  return {
    standing: eligibility.standing,
    reason: refusal?.message ?? null,
    warnings: eligibility.warnings.map((warning) => warning.message),
  };
}

/**
 * One page of discovered campaigns, each with the streamer's standing from the join checks. The
 * standings are a second read: when they cannot be had, the cards still show, without a verdict.
 */
export async function discoverWithStandings(
  api: SessionApi,
  input: DiscoverCampaignsInput,
): Promise<{ items: MarketplaceEntry[]; nextCursor: string | null }> {
  const page = await api.campaign.discover.query(input);
  const standings =
    page.items.length === 0
      ? []
      : await api.participation.standings
          .query({ campaignIds: page.items.map((campaign) => campaign.id) })
          .catch(() => []);
  const byCampaign = new Map(standings.map((entry) => [entry.campaignId, standingView(entry)]));
  return {
    items: page.items.map((campaign) => ({
      ...campaign,
      standing: byCampaign.get(campaign.id) ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}
