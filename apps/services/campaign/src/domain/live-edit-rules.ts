import type { CampaignFields, CampaignPatch } from '@gametriggers/contracts';
import type { StoredCampaignFields } from './campaign-columns';

/** What a brand may still change once a campaign is approved (active or paused). */
export const liveEditableFields = [
  'description',
  'endsAt',
  'budgetCents',
  'maxParticipants',
  'frequency',
] as const;

const fieldLabels: Record<keyof CampaignFields, string> = {
  title: 'title',
  description: 'description',
  creative: 'creative',
  clickThroughUrl: 'click-through link',
  categories: 'categories',
  languages: 'languages',
  regions: 'regions',
  minFollowers: 'minimum followers',
  minAverageViewers: 'minimum average viewers',
  startsAt: 'start',
  endsAt: 'end',
  budgetCents: 'budget',
  pricing: 'pricing',
  perStreamerCapCents: 'per-streamer cap',
  maxParticipants: 'participant limit',
  frequency: 'frequency',
  joinMode: 'join mode',
  gkeyCooloffHours: 'G-Key cool-off',
  targetImpressions: 'impression target',
};

export interface LiveEditProblem {
  path: string;
  reason:
    | 'field_locked_while_live'
    | 'end_not_extended'
    | 'budget_below_spent'
    | 'participant_limit_below_current';
  message: string;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Why `patch` cannot apply to a live campaign, field by field. Fields sent with their current value
 * are not changes, so a form may send everything it shows.
 */
export function liveEditProblems(
  current: StoredCampaignFields & { remainingBudgetCents: number; activeParticipantCount: number },
  patch: CampaignPatch,
  now: Date,
): LiveEditProblem[] {
  const problems: LiveEditProblem[] = [];
  const editable: readonly string[] = liveEditableFields;
  for (const [field, value] of Object.entries(patch) as Array<[keyof CampaignFields, unknown]>) {
    if (value === undefined || editable.includes(field) || sameValue(value, current[field]))
      continue;
    problems.push({
      path: field,
      reason: 'field_locked_while_live',
      message: `The ${fieldLabels[field]} cannot change once the campaign is approved; only the description, a later end, the budget, the participant limit and the frequency can.`,
    });
  }
  if (patch.endsAt && patch.endsAt.getTime() !== current.endsAt.getTime()) {
    if (
      patch.endsAt.getTime() < current.endsAt.getTime() ||
      patch.endsAt.getTime() <= now.getTime()
    ) {
      problems.push({
        path: 'endsAt',
        reason: 'end_not_extended',
        message:
          'A live campaign can only be extended: choose an end later than the current one and in the future.',
      });
    }
  }
  const belowSpent =
    patch.budgetCents === undefined ? null : budgetBelowSpent(patch.budgetCents, current);
  if (belowSpent) problems.push(belowSpent);
  if (
    patch.maxParticipants !== undefined &&
    patch.maxParticipants !== null &&
    patch.maxParticipants < current.activeParticipantCount
  ) {
    problems.push({
      path: 'maxParticipants',
      reason: 'participant_limit_below_current',
      message: `The limit cannot go below the ${current.activeParticipantCount} streamers taking part now.`,
    });
  }
  return problems;
}

/** A live budget (the brand's edit or an administrator's override) never goes below what is spent. */
export function budgetBelowSpent(
  budgetCents: number,
  current: { budgetCents: number; remainingBudgetCents: number },
): LiveEditProblem | null {
  const spentCents = current.budgetCents - current.remainingBudgetCents;
  if (budgetCents >= spentCents) return null;
  return {
    path: 'budgetCents',
    reason: 'budget_below_spent',
    message: `The budget cannot go below the $${(spentCents / 100).toFixed(2)} already spent.`,
  };
}
