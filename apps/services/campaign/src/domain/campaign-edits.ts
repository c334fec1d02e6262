import type { CampaignFields, CampaignPatch } from '@gametriggers/contracts';
import { campaignRuleIssues } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import type { CampaignView } from '../schemas';
import { findManagedCampaign, lockManagedCampaign } from './campaign-access';
import { columnsOf, fieldsOf, newCampaignColumns } from './campaign-columns';
import { campaignView } from './campaign-views';
import type { CampaignDeps } from './deps';
import { creativeRejectionCleared } from './content-moderation';
import { liveEditProblems } from './live-edit-rules';
import { requireTransition } from './transitions';

function fieldErrorsOf(issues: Array<{ path: string; message: string }>) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[issue.path] ??= []).push(issue.message);
  return fieldErrors;
}

/** The values a campaign created now gets for the fields its brand leaves empty. */
export async function newCampaignDefaults(deps: CampaignDeps) {
  const { defaultGKeyCooloffHours } = await deps.platformConfig.get();
  return { gkeyCooloffHours: defaultGKeyCooloffHours };
}

export async function createCampaign(
  deps: CampaignDeps,
  brandId: string,
  fields: CampaignFields,
): Promise<CampaignView> {
  // The creative is one of the brand's own uploads, checked and not rejected (pending moderation will do for a draft).
  const creative = await deps.assets.creative({ assetId: fields.creative.assetId, brandId });
  // No cool-off of its own: the platform's default as it is now, stored with the campaign (a later
  // change of the default does not move existing campaigns).
  const gkeyCooloffHours =
    fields.gkeyCooloffHours ?? (await newCampaignDefaults(deps)).gkeyCooloffHours;
  const created = await deps.db.campaign.create({
    data: {
      ...newCampaignColumns({ ...fields, gkeyCooloffHours }, creative),
      brandId,
      remainingBudgetCents: fields.budgetCents,
    },
  });
  return campaignView(created, 'brand', deps.now());
}

/**
 * Drafts and rejected campaigns take any change (a rejected one goes back to draft); approved ones
 * (active or paused) only the description, a later end, the budget, the participant limit and the
 * frequency. Budget changes while live move the remaining budget by the same amount, and the
 * payment ledger reserves or releases the difference.
 */
export async function updateCampaign(
  deps: CampaignDeps,
  brandId: string,
  campaignId: string,
  patch: CampaignPatch,
): Promise<CampaignView> {
  const changes = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as CampaignPatch;
  if (Object.keys(changes).length === 0) {
    throw new DomainError('invalid', 'nothing_to_change', 'Change at least one field.');
  }
  // A different upload is resolved (outside the transaction: it asks the asset service); the same
  // one keeps its stored kind and URLs, so a live campaign's form may send it back unchanged.
  const stored = changes.creative ? await findManagedCampaign(deps.db, campaignId, { kind: 'brand', brandId }) : null;
  const creative =
    changes.creative && stored && changes.creative.assetId !== stored.creativeAssetId
      ? await deps.assets.creative({ assetId: changes.creative.assetId, brandId })
      : undefined;
  const now = deps.now();
  const { before, after } = await deps.db.$transaction(async (tx) => {
    const campaign = await lockManagedCampaign(tx, campaignId, { kind: 'brand', brandId });
    const nextStatus = requireTransition(campaign, 'edit', 'brand');
    const current = fieldsOf(campaign);
    if (changes.creative && !creative && changes.creative.assetId !== campaign.creativeAssetId) {
      throw new DomainError('conflict', 'campaign_changed', 'The campaign changed meanwhile; reload it and try again.');
    }
    const live = campaign.status === 'active' || campaign.status === 'paused';
    if (live) {
      const problems = liveEditProblems(
        {
          ...current,
          remainingBudgetCents: campaign.remainingBudgetCents,
          activeParticipantCount: campaign.activeParticipantCount,
        },
        changes,
        now,
      );
      const first = problems[0];
      if (first) {
        throw new DomainError(
          'precondition_failed',
          first.reason,
          problems.map((problem) => problem.message).join(' '),
          {
            fieldErrors: fieldErrorsOf(problems),
          },
        );
      }
    }
    const issues = campaignRuleIssues({ ...current, ...changes }).map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    if (issues.length > 0) {
      throw new DomainError(
        'invalid',
        'invalid_campaign',
        issues.map((issue) => issue.message).join('; '),
        {
          fieldErrors: fieldErrorsOf(issues),
        },
      );
    }
    const budgetDelta =
      changes.budgetCents === undefined ? 0 : changes.budgetCents - campaign.budgetCents;
    // The ledger moves the difference first (refusing a short wallet), so the budget shown is
    // always backed by escrow; a retry after a failed write finds the ledger already there.
    if (live && budgetDelta !== 0) {
      await deps.payments.adjust({ campaignId: campaign.id, budgetCents: campaign.budgetCents + budgetDelta });
    }
    const updated = await tx.campaign.update({
      where: { id: campaign.id },
      data: {
        ...columnsOf(changes, creative),
        ...creativeRejectionCleared(current, changes),
        status: nextStatus,
        remainingBudgetCents: live
          ? campaign.remainingBudgetCents + budgetDelta
          : (changes.budgetCents ?? campaign.budgetCents),
      },
    });
    return { before: campaign, after: updated };
  });
  const live = after.status === 'active' || after.status === 'paused';
  if (live && after.endsAt.getTime() !== before.endsAt.getTime()) {
    await deps.schedule.scheduleWindow(after, before);
  }
  return campaignView(after, 'brand', now);
}
