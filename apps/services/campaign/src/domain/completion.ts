import type { CompletionReason } from '@gametriggers/contracts';
import type { Campaign } from '../generated/prisma/client';

export const INACTIVITY_LIMIT_MS = 7 * 24 * 60 * 60_000;

/** A CPM campaign whose budget cannot pay for 100 more impressions is spent. */
export function cpmBudgetFloorCents(rateCents: number) {
  return Math.ceil((rateCents * 100) / 1000);
}

export type CompletionInput = Pick<
  Campaign,
  | 'status'
  | 'pricingModel'
  | 'rateCents'
  | 'remainingBudgetCents'
  | 'targetImpressions'
  | 'impressions'
  | 'endsAt'
  | 'launchedAt'
  | 'activeParticipantCount'
  | 'lastParticipantLeftAt'
>;

/**
 * Why a live campaign should complete now, or null. The first rule that holds wins: budget spent,
 * target reached, end date passed, no active participant for 7 days. Inactivity counts from the
 * last participant leaving, or from launch when nobody ever joined, and only while `active` (a paused
 * campaign has no active participants by design).
 */
export function completionReason(
  campaign: CompletionInput,
  now: Date,
): Exclude<CompletionReason, 'ended_by_brand'> | null {
  if (campaign.status !== 'active' && campaign.status !== 'paused') return null;
  if (budgetSpent(campaign)) return 'budget_spent';
  if (campaign.targetImpressions !== null && campaign.impressions >= campaign.targetImpressions) {
    return 'target_reached';
  }
  if (now.getTime() >= campaign.endsAt.getTime()) return 'end_date';
  if (campaign.status === 'active' && inactiveSince(campaign, now)) return 'inactive';
  return null;
}

function budgetSpent(campaign: CompletionInput) {
  const remaining = campaign.remainingBudgetCents;
  switch (campaign.pricingModel) {
    case 'cpm':
      return remaining < cpmBudgetFloorCents(campaign.rateCents);
    case 'cpc':
      return remaining < campaign.rateCents;
    case 'fixed':
      return remaining <= 0;
  }
}

function inactiveSince(campaign: CompletionInput, now: Date) {
  if (campaign.activeParticipantCount > 0 || !campaign.launchedAt) return false;
  const quietSince = campaign.lastParticipantLeftAt ?? campaign.launchedAt;
  return now.getTime() - quietSince.getTime() >= INACTIVITY_LIMIT_MS;
}
