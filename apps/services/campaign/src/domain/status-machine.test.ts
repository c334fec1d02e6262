import { campaignActions, campaignStatuses } from '@gametriggers/contracts';
import type { CampaignAction, CampaignStatus } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import type { CampaignActor } from './status-machine';
import { allowedActions, transition } from './status-machine';

/** Every allowed (status, action, actor) and where it leads; anything not listed is refused. */
const allowed: Array<[CampaignStatus, CampaignAction, CampaignActor, CampaignStatus]> = [
  ['draft', 'edit', 'brand', 'draft'],
  ['rejected', 'edit', 'brand', 'draft'],
  ['active', 'edit', 'brand', 'active'],
  ['paused', 'edit', 'brand', 'paused'],
  ['draft', 'submit', 'brand', 'pending_review'],
  ['rejected', 'submit', 'brand', 'pending_review'],
  ['pending_review', 'approve', 'admin', 'active'],
  ['pending_review', 'reject', 'admin', 'rejected'],
  ['active', 'pause', 'brand', 'paused'],
  ['active', 'pause', 'admin', 'paused'],
  ['paused', 'resume', 'brand', 'active'],
  ['paused', 'resume', 'admin', 'active'],
  ['active', 'end', 'brand', 'completed'],
  ['paused', 'end', 'brand', 'completed'],
  ['active', 'end', 'admin', 'completed'],
  ['paused', 'end', 'admin', 'completed'],
  ['draft', 'cancel', 'brand', 'cancelled'],
  ['pending_review', 'cancel', 'brand', 'cancelled'],
  ['active', 'cancel', 'brand', 'cancelled'],
  ['paused', 'cancel', 'brand', 'cancelled'],
  ['draft', 'cancel', 'admin', 'cancelled'],
  ['pending_review', 'cancel', 'admin', 'cancelled'],
  ['active', 'cancel', 'admin', 'cancelled'],
  ['paused', 'cancel', 'admin', 'cancelled'],
  ['active', 'complete', 'system', 'completed'],
  ['paused', 'complete', 'system', 'completed'],
  ['active', 'override_budget', 'admin', 'active'],
  ['paused', 'override_budget', 'admin', 'paused'],
];

const actors: CampaignActor[] = ['brand', 'admin', 'system'];
const key = (status: string, action: string, actor: string) => `${status} ${action} ${actor}`;
const expected = new Map(
  allowed.map(([status, action, actor, next]) => [key(status, action, actor), next]),
);

const everyCase = campaignStatuses.flatMap((status) =>
  campaignActions.flatMap((action) => actors.map((actor) => ({ status, action, actor }))),
);

describe('campaign status machine', () => {
  it('covers 7 statuses × 10 actions × 3 actors', () => {
    expect(everyCase).toHaveLength(210);
  });

  it.each(everyCase)('$status --$action by $actor-->', ({ status, action, actor }) => {
    const result = transition(status, action, actor);
    const next = expected.get(key(status, action, actor));
    if (next) {
      expect(result).toEqual({ allowed: true, to: next });
    } else {
      expect(result.allowed).toBe(false);
      if (!result.allowed) expect(result.message).toMatch(/cannot be/);
    }
  });

  it('refuses a wrong actor before looking at the status', () => {
    expect(transition('pending_review', 'approve', 'brand')).toMatchObject({
      allowed: false,
      refusal: 'wrong_actor',
    });
    expect(transition('completed', 'approve', 'brand')).toMatchObject({ refusal: 'wrong_actor' });
  });

  it('explains a wrong status with the statuses it needs', () => {
    expect(transition('completed', 'pause', 'brand')).toEqual({
      allowed: false,
      refusal: 'wrong_status',
      message: 'A campaign that is completed cannot be paused (only when active).',
    });
  });

  it('lists the actions each actor may take', () => {
    expect(allowedActions('draft', 'brand')).toEqual(['edit', 'submit', 'cancel']);
    expect(allowedActions('active', 'brand')).toEqual(['edit', 'pause', 'end', 'cancel']);
    expect(allowedActions('paused', 'admin')).toEqual([
      'resume',
      'end',
      'cancel',
      'override_budget',
    ]);
    expect(allowedActions('pending_review', 'admin')).toEqual(['approve', 'reject', 'cancel']);
    expect(allowedActions('completed', 'brand')).toEqual([]);
    expect(allowedActions('cancelled', 'admin')).toEqual([]);
  });
});
