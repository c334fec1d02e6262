import type { CampaignStanding } from '@gametriggers/contracts';
import type { Blocker } from './join-checks';

/**
 * One word for where the streamer stands, from the same blockers a join would meet: running it and
 * waiting for the brand are states of their own, not refusals; any other blocker blocks.
 */
export function standingOf(
  action: 'join' | 'apply',
  blockers: readonly Pick<Blocker, 'reason'>[],
): CampaignStanding {
  if (blockers.some((blocker) => blocker.reason === 'already_joined')) return 'running';
  if (blockers.some((blocker) => blocker.reason === 'application_pending')) return 'pending';
  if (blockers.length > 0) return 'blocked';
  return action;
}
