import type { CampaignForParticipation, StreamerMatchingProfile } from '@gametriggers/contracts';
import type { ParticipationDeps } from './deps';
import { evaluateJoin } from './join-checks';
import { readJoinFacts } from './join-facts';
import { freshCampaign } from './join';
import { standingOf } from './standing';

/**
 * A dry run of every join check for one campaign, read as a join would read it: what stands in the
 * way, which warnings need acknowledging, the key a join would lock. Consumes and logs nothing.
 */
async function dryRun(
  deps: ParticipationDeps,
  streamerId: string,
  campaign: CampaignForParticipation,
  profile: StreamerMatchingProfile | null,
) {
  const latest = await deps.db.participation.findFirst({
    where: { streamerId, campaignId: campaign.campaignId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, status: true },
  });
  const action = campaign.joinMode === 'open' ? ('join' as const) : ('apply' as const);
  const evaluation = evaluateJoin(
    await readJoinFacts(deps.db, {
      attempt: action,
      streamerId,
      campaign,
      profile,
      // Warnings are reported apart, as what the streamer must acknowledge, not as blockers.
      acknowledgeWarnings: true,
      now: deps.now(),
      energyPacksPerDay: (await deps.platformConfig.get()).energyPacksPerDay,
    }),
  );
  const hitView = (hit: (typeof evaluation.hits)[number]) => ({
    ruleId: hit.ruleId,
    rule: hit.ruleName,
    severity: hit.severity,
    message: hit.message,
  });
  return {
    campaignId: campaign.campaignId,
    campaignTitle: campaign.title,
    joinMode: campaign.joinMode,
    action,
    canProceed: evaluation.blockers.length === 0,
    standing: standingOf(action, evaluation.blockers),
    blockers: evaluation.blockers,
    warnings: evaluation.hits.filter((hit) => hit.severity === 'warning').map(hitView),
    advisories: evaluation.hits.filter((hit) => hit.severity === 'advisory').map(hitView),
    category: evaluation.category,
    energy: evaluation.energy
      ? {
          remaining: evaluation.energy.remaining,
          capacity: evaluation.energy.capacity,
          resetsAt: evaluation.energy.resetsAt,
        }
      : null,
    participation: latest,
  };
}

/** The dry run for one campaign, for the campaign's page and the join panel. */
export async function checkEligibility(
  deps: ParticipationDeps,
  streamerId: string,
  campaignId: string,
) {
  const [campaign, profile] = await Promise.all([
    freshCampaign(deps, campaignId),
    deps.streamers.matchingProfile(streamerId),
  ]);
  return dryRun(deps, streamerId, campaign, profile);
}

/**
 * The dry run for each campaign of a marketplace page, reading the streamer's profile once. A
 * campaign the campaign service no longer knows is left out.
 */
export async function checkEligibilities(
  deps: ParticipationDeps,
  streamerId: string,
  campaignIds: readonly string[],
) {
  const unique = [...new Set(campaignIds)];
  const [campaigns, profile] = await Promise.all([
    Promise.all(unique.map((campaignId) => deps.campaigns.forParticipation(campaignId))),
    deps.streamers.matchingProfile(streamerId),
  ]);
  return Promise.all(
    campaigns
      .filter((campaign): campaign is CampaignForParticipation => campaign !== null)
      .map((campaign) => dryRun(deps, streamerId, campaign, profile)),
  );
}
