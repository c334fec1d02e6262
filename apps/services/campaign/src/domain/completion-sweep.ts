import { completeIfDue, launchIfDue } from './campaign-lifecycle';
import { INACTIVITY_LIMIT_MS } from './completion';
import type { CampaignDeps } from './deps';

/**
 * The periodic safety net beside the start and end jobs: launches campaigns whose start passed
 * (a start job lost to a crash), and completes every live campaign `completionReason` says is done.
 * The SQL mirrors the rules only to find candidates; each one is decided by the pure function.
 */
export async function sweepCampaigns(deps: CampaignDeps) {
  const now = deps.now();
  const inactiveSince = new Date(now.getTime() - INACTIVITY_LIMIT_MS);
  const dueToLaunch = await deps.db.campaign.findMany({
    where: { status: 'active', launchedAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { id: true },
  });
  const dueToComplete = await deps.db.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "campaigns"
    WHERE "status" IN ('active', 'paused')
      AND (
        "endsAt" <= ${now}
        OR "remainingBudgetCents" <= 0
        OR ("pricingModel" = 'cpm' AND "remainingBudgetCents" * 10 < "rateCents")
        OR ("pricingModel" = 'cpc' AND "remainingBudgetCents" < "rateCents")
        OR ("targetImpressions" IS NOT NULL AND "impressions" >= "targetImpressions")
        OR ("status" = 'active' AND "activeParticipantCount" = 0
            AND COALESCE("lastParticipantLeftAt", "launchedAt") <= ${inactiveSince})
      )`;
  let launched = 0;
  for (const { id } of dueToLaunch) if (await launchIfDue(deps, id)) launched += 1;
  let completed = 0;
  for (const { id } of dueToComplete) if (await completeIfDue(deps, id)) completed += 1;
  return { launched, completed };
}
