import type { CompletionReason } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { CampaignTx } from '../database';
import type { Campaign } from '../generated/prisma/client';
import type { CampaignView } from '../schemas';
import type { CampaignManager } from './campaign-access';
import { lockCampaign, lockManagedCampaign } from './campaign-access';
import { campaignView } from './campaign-views';
import { completionReason } from './completion';
import type { CampaignDeps } from './deps';
import { transition } from './status-machine';
import { campaignRef, requireTransition } from './transitions';

const viewerOf = (manager: CampaignManager) => manager.kind;

/** Launches in `tx` if approved, not paused, started and not ended, and not launched yet. */
async function launchIfDueIn(tx: CampaignTx, campaign: Campaign, now: Date): Promise<Campaign> {
  const due =
    campaign.status === 'active' &&
    !campaign.launchedAt &&
    campaign.startsAt.getTime() <= now.getTime() &&
    now.getTime() < campaign.endsAt.getTime();
  if (!due) return campaign;
  const launched = await tx.campaign.update({
    where: { id: campaign.id },
    data: { launchedAt: now },
  });
  await recordEvent(tx, 'campaign.launched', campaignRef(launched));
  return launched;
}

async function completeIn(tx: CampaignTx, campaign: Campaign, reason: CompletionReason, now: Date) {
  // The payment ledger releases the unspent escrow when it sees campaign.completed.
  const completed = await tx.campaign.update({
    where: { id: campaign.id },
    // Nobody delivers an ended campaign: the participation service completes every live
    // participation with it (no participation event follows), so the count ends here.
    data: {
      status: 'completed',
      completedAt: now,
      completedReason: reason,
      activeParticipantCount: 0,
    },
  });
  await recordEvent(tx, 'campaign.completed', { ...campaignRef(completed), reason });
  return completed;
}

export async function pauseCampaign(
  deps: CampaignDeps,
  manager: CampaignManager,
  campaignId: string,
): Promise<CampaignView> {
  const now = deps.now();
  const paused = await deps.db.$transaction(async (tx) => {
    const campaign = await lockManagedCampaign(tx, campaignId, manager);
    const status = requireTransition(campaign, 'pause', manager.kind);
    const updated = await tx.campaign.update({
      where: { id: campaign.id },
      data: { status, pausedAt: now, pausedBy: manager.kind },
    });
    await recordEvent(tx, 'campaign.paused', { ...campaignRef(updated), by: manager.kind });
    return updated;
  });
  return campaignView(paused, viewerOf(manager), now);
}

/** A brand cannot lift an administrator's pause; the campaign launches now if its start passed while paused. */
export async function resumeCampaign(
  deps: CampaignDeps,
  manager: CampaignManager,
  campaignId: string,
): Promise<CampaignView> {
  const now = deps.now();
  const resumed = await deps.db.$transaction(async (tx) => {
    const campaign = await lockManagedCampaign(tx, campaignId, manager);
    const status = requireTransition(campaign, 'resume', manager.kind);
    if (campaign.pausedBy === 'admin' && manager.kind === 'brand') {
      throw new DomainError(
        'forbidden',
        'paused_by_admin',
        'An administrator paused this campaign; contact support to resume it.',
      );
    }
    const updated = await tx.campaign.update({
      where: { id: campaign.id },
      data: { status, pausedAt: null, pausedBy: null },
    });
    await recordEvent(tx, 'campaign.resumed', campaignRef(updated));
    return launchIfDueIn(tx, updated, now);
  });
  return campaignView(resumed, viewerOf(manager), now);
}

export async function cancelCampaign(
  deps: CampaignDeps,
  manager: CampaignManager,
  campaignId: string,
): Promise<CampaignView> {
  const now = deps.now();
  const cancelled = await deps.db.$transaction(async (tx) => {
    const campaign = await lockManagedCampaign(tx, campaignId, manager);
    const status = requireTransition(campaign, 'cancel', manager.kind);
    // The payment ledger releases the unspent escrow when it sees campaign.cancelled.
    const updated = await tx.campaign.update({
      where: { id: campaign.id },
      data: { status, cancelledAt: now, cancelledBy: manager.kind, activeParticipantCount: 0 },
    });
    await recordEvent(tx, 'campaign.cancelled', { ...campaignRef(updated), by: manager.kind });
    return updated;
  });
  await deps.schedule.unschedule(cancelled);
  return campaignView(cancelled, viewerOf(manager), now);
}

export async function endCampaign(
  deps: CampaignDeps,
  brandId: string,
  campaignId: string,
): Promise<CampaignView> {
  const now = deps.now();
  const ended = await deps.db.$transaction(async (tx) => {
    const campaign = await lockManagedCampaign(tx, campaignId, { kind: 'brand', brandId });
    requireTransition(campaign, 'end', 'brand');
    return completeIn(tx, campaign, 'ended_by_brand', now);
  });
  await deps.schedule.unschedule(ended);
  return campaignView(ended, 'brand', now);
}

/** The start job (and the sweep, as a safety net): launch when due. True when it launched now. */
export async function launchIfDue(deps: CampaignDeps, campaignId: string): Promise<boolean> {
  return deps.db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign) return false;
    return (await launchIfDueIn(tx, campaign, deps.now())) !== campaign;
  });
}

/** The end job and the sweep: complete by the auto-completion rules. The reason, or null. */
export async function completeIfDue(deps: CampaignDeps, campaignId: string) {
  const now = deps.now();
  const completed = await deps.db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign || !transition(campaign.status, 'complete', 'system').allowed) return null;
    const reason = completionReason(campaign, now);
    return reason ? completeIn(tx, campaign, reason, now) : null;
  });
  if (completed) await deps.schedule.unschedule(completed);
  return completed?.completedReason ?? null;
}
