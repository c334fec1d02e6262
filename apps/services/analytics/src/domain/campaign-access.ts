import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { AnalyticsDeps } from './deps';

function campaignServiceUnavailable(what: string, error: unknown) {
  return new DomainError(
    'precondition_failed',
    'campaign_service_unavailable',
    `${what}; try again shortly.`,
    { cause: String(error) },
  );
}

/**
 * A campaign's numbers are for the brand that owns it and for admins allowed to see financials.
 * Another brand learns nothing, not even whether the campaign exists.
 */
export async function assertMayViewCampaign(
  deps: AnalyticsDeps,
  caller: UserCaller,
  campaignId: string,
) {
  if (caller.role === 'admin') {
    if (caller.permissions.has('canViewFinancials')) return;
    throw new DomainError(
      'forbidden',
      'missing_permission',
      'This needs the canViewFinancials admin permission.',
    );
  }
  if (caller.role !== 'brand') {
    throw new DomainError('forbidden', 'not_campaign_owner', 'Only the campaign’s brand can see this.');
  }
  const brandId = await deps.campaigns.brandOf(campaignId).catch((error: unknown) => {
    throw campaignServiceUnavailable('The campaign’s owner cannot be checked right now', error);
  });
  if (brandId !== caller.userId) {
    throw new DomainError('not_found', 'campaign_not_found', 'There is no such campaign.');
  }
}

/** The campaigns whose numbers make up a brand's report: all of its own, asked of the campaign service. */
export async function campaignIdsOfBrand(deps: AnalyticsDeps, brandId: string) {
  return deps.campaigns.campaignIdsOf(brandId).catch((error: unknown) => {
    throw campaignServiceUnavailable('Your campaigns cannot be listed right now', error);
  });
}
