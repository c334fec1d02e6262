import type { CampaignAction } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import type { Campaign } from '../generated/prisma/client';
import type { CampaignActor } from './status-machine';
import { transition } from './status-machine';

/** The status after `action`, or a DomainError saying why it is not allowed now. */
export function requireTransition(
  campaign: Pick<Campaign, 'status'>,
  action: CampaignAction,
  actor: CampaignActor,
) {
  const result = transition(campaign.status, action, actor);
  if (result.allowed) return result.to;
  throw result.refusal === 'wrong_actor'
    ? new DomainError('forbidden', 'action_not_allowed', result.message)
    : new DomainError('conflict', 'invalid_status_transition', result.message, {
        status: campaign.status,
        action,
      });
}

export const campaignRef = (campaign: Pick<Campaign, 'id' | 'brandId' | 'title'>) => ({
  campaignId: campaign.id,
  brandId: campaign.brandId,
  title: campaign.title,
});
