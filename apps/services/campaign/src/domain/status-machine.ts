import type { CampaignAction, CampaignStatus } from '@gametriggers/contracts';
import { campaignActions, campaignStatusLabels } from '@gametriggers/contracts';

/** Who acts: the owning brand, an admin with campaign rights, or the service itself (jobs). */
export type CampaignActor = 'brand' | 'admin' | 'system';

interface TransitionRule {
  from: readonly CampaignStatus[];
  /** The status after; `same` keeps it (edits of a live campaign). */
  to: (from: CampaignStatus) => CampaignStatus;
  actors: readonly CampaignActor[];
}

const to = (status: CampaignStatus) => () => status;

/**
 * `draft → pending_review → active ⇄ paused → completed`, plus `rejected` (edited back to draft or
 * resubmitted) and `cancelled`. Approval makes a campaign `active` at once; whether it has started
 * is its schedule (`startsAt`, `launchedAt`), not a status.
 */
const rules: Record<CampaignAction, TransitionRule> = {
  edit: {
    from: ['draft', 'rejected', 'active', 'paused'],
    to: (from) => (from === 'rejected' ? 'draft' : from),
    actors: ['brand'],
  },
  submit: { from: ['draft', 'rejected'], to: to('pending_review'), actors: ['brand'] },
  approve: { from: ['pending_review'], to: to('active'), actors: ['admin'] },
  reject: { from: ['pending_review'], to: to('rejected'), actors: ['admin'] },
  pause: { from: ['active'], to: to('paused'), actors: ['brand', 'admin'] },
  resume: { from: ['paused'], to: to('active'), actors: ['brand', 'admin'] },
  // An administrator's end is a force complete.
  end: { from: ['active', 'paused'], to: to('completed'), actors: ['brand', 'admin'] },
  cancel: {
    from: ['draft', 'pending_review', 'active', 'paused'],
    to: to('cancelled'),
    actors: ['brand', 'admin'],
  },
  complete: { from: ['active', 'paused'], to: to('completed'), actors: ['system'] },
  // The brand changes a live budget by editing; an administrator overrides it.
  override_budget: { from: ['active', 'paused'], to: (from) => from, actors: ['admin'] },
};

export type TransitionResult =
  | { allowed: true; to: CampaignStatus }
  | { allowed: false; refusal: 'wrong_status' | 'wrong_actor'; message: string };

const actorLabel: Record<CampaignActor, string> = {
  brand: 'the brand',
  admin: 'an administrator',
  system: 'the platform',
};

const actionVerb: Record<CampaignAction, string> = {
  edit: 'edited',
  submit: 'submitted for review',
  approve: 'approved',
  reject: 'rejected',
  pause: 'paused',
  resume: 'resumed',
  end: 'ended',
  cancel: 'cancelled',
  complete: 'completed',
  override_budget: 'given a new budget',
};

export function transition(
  status: CampaignStatus,
  action: CampaignAction,
  actor: CampaignActor,
): TransitionResult {
  const rule = rules[action];
  if (!rule.actors.includes(actor)) {
    return {
      allowed: false,
      refusal: 'wrong_actor',
      message: `A campaign cannot be ${actionVerb[action]} by ${actorLabel[actor]}.`,
    };
  }
  if (!rule.from.includes(status)) {
    const allowedFrom = rule.from
      .map((from) => campaignStatusLabels[from].toLowerCase())
      .join(', ');
    return {
      allowed: false,
      refusal: 'wrong_status',
      message: `A campaign that is ${campaignStatusLabels[status].toLowerCase()} cannot be ${actionVerb[action]} (only when ${allowedFrom}).`,
    };
  }
  return { allowed: true, to: rule.to(status) };
}

/** The actions `actor` may take on a campaign in `status`, in a stable order. */
export function allowedActions(status: CampaignStatus, actor: CampaignActor): CampaignAction[] {
  return campaignActions.filter((action) => transition(status, action, actor).allowed);
}
