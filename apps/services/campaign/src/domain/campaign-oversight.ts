import type { CampaignOversightInput, OverrideCampaignBudgetInput } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { CampaignView } from '../schemas';
import { lockManagedCampaign } from './campaign-access';
import { recordCampaignAdminAction } from './campaign-audit';
import type { CampaignChange } from './campaign-lifecycle';
import { cancelIn, changeCampaign, completeIn, pauseIn, resumeIn } from './campaign-lifecycle';
import type { CampaignDeps } from './deps';
import { budgetBelowSpent } from './live-edit-rules';
import { requireTransition } from './transitions';

// What administrators with `canManageCampaigns` do to any brand's campaign, each with a reason
// the brand sees and the audit log keeps, recorded in the transaction of the change.

function changeByAdmin(
  deps: CampaignDeps,
  admin: AdminActor,
  input: { campaignId: string; reason: string },
  action: string,
  change: CampaignChange,
): Promise<CampaignView> {
  return changeCampaign(
    deps,
    'admin',
    (tx) => lockManagedCampaign(tx, input.campaignId, { kind: 'admin', adminId: admin.adminId }),
    async (tx, before, now) => {
      const after = await change(tx, before, now);
      await recordCampaignAdminAction(tx, {
        admin,
        action,
        before,
        after,
        reason: input.reason,
        now,
      });
      return after;
    },
  );
}

/**
 * Stops delivery of an active campaign at once. A campaign the brand had paused itself is taken
 * over (it stays paused, now by the administrator), so the brand cannot resume it either.
 */
export const emergencyPause = (
  deps: CampaignDeps,
  admin: AdminActor,
  input: CampaignOversightInput,
) =>
  changeByAdmin(deps, admin, input, 'emergency_pause', (tx, campaign, now) => {
    if (campaign.status === 'paused' && campaign.pausedBy === 'brand') {
      return tx.campaign.update({
        where: { id: campaign.id },
        data: { pausedBy: 'admin', pauseReason: input.reason },
      });
    }
    return pauseIn(tx, campaign, 'admin', now, input.reason);
  });

/** Lifts an administrator's pause (a brand's own pause is the brand's to lift). */
export const liftEmergencyPause = (
  deps: CampaignDeps,
  admin: AdminActor,
  input: CampaignOversightInput,
) =>
  changeByAdmin(deps, admin, input, 'resume', (tx, campaign, now) =>
    resumeIn(tx, campaign, 'admin', now),
  );

/** Completes a live campaign now (`ended_by_admin`); the ledger releases what is unspent. */
export const forceComplete = (
  deps: CampaignDeps,
  admin: AdminActor,
  input: CampaignOversightInput,
) =>
  changeByAdmin(deps, admin, input, 'force_complete', (tx, campaign, now) => {
    requireTransition(campaign, 'end', 'admin');
    return completeIn(tx, campaign, 'ended_by_admin', now, input.reason);
  });

/** Cancels a campaign in any open status; the ledger releases what is unspent. */
export const forceCancel = (deps: CampaignDeps, admin: AdminActor, input: CampaignOversightInput) =>
  changeByAdmin(deps, admin, input, 'force_cancel', (tx, campaign, now) =>
    cancelIn(tx, campaign, 'admin', now, input.reason),
  );

/**
 * A new budget for a live campaign. The ledger moves the difference first, exactly as for the
 * brand's own edit: an increase is reserved from the brand's wallet (refused with `wallet_short`
 * when it cannot pay), a decrease released back to it; never below what is spent.
 */
export const overrideBudget = (
  deps: CampaignDeps,
  admin: AdminActor,
  input: OverrideCampaignBudgetInput,
) =>
  changeByAdmin(deps, admin, input, 'override_budget', async (tx, campaign) => {
    requireTransition(campaign, 'override_budget', 'admin');
    if (input.budgetCents === campaign.budgetCents) {
      throw new DomainError(
        'invalid',
        'budget_unchanged',
        'Enter a budget different from the current one.',
        {
          fieldErrors: { budgetCents: ['This is the current budget'] },
        },
      );
    }
    const belowSpent = budgetBelowSpent(input.budgetCents, campaign);
    if (belowSpent) {
      throw new DomainError('precondition_failed', belowSpent.reason, belowSpent.message, {
        fieldErrors: { budgetCents: [belowSpent.message] },
      });
    }
    await deps.payments.adjust({ campaignId: campaign.id, budgetCents: input.budgetCents });
    return tx.campaign.update({
      where: { id: campaign.id },
      data: {
        budgetCents: input.budgetCents,
        remainingBudgetCents:
          campaign.remainingBudgetCents + input.budgetCents - campaign.budgetCents,
      },
    });
  });
