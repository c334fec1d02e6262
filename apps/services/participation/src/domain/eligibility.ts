import type { ParticipationDeps } from './deps';
import { evaluateJoin } from './join-checks';
import { readJoinFacts } from './join-facts';
import { freshCampaign } from './join';

/**
 * A dry run of every join check for the portal to show before the click: what stands in the way,
 * which warnings need acknowledging, the key a join would lock. Reads only; consumes and logs nothing.
 */
export async function checkEligibility(
  deps: ParticipationDeps,
  streamerId: string,
  campaignId: string,
) {
  const [campaign, profile, latest] = await Promise.all([
    freshCampaign(deps, campaignId),
    deps.streamers.matchingProfile(streamerId),
    deps.db.participation.findFirst({
      where: { streamerId, campaignId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, status: true },
    }),
  ]);
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
    }),
  );
  const hitView = (hit: (typeof evaluation.hits)[number]) => ({
    ruleId: hit.ruleId,
    rule: hit.ruleName,
    severity: hit.severity,
    message: hit.message,
  });
  return {
    campaignId,
    campaignTitle: campaign.title,
    joinMode: campaign.joinMode,
    action,
    canProceed: evaluation.blockers.length === 0,
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
