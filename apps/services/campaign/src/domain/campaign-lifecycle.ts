import type { CompletionReason } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { CampaignTx } from '../database';
import type { Campaign } from '../generated/prisma/client';
import type { CampaignView } from '../schemas';
import { lockCampaign, lockManagedCampaign } from './campaign-access';
import { campaignView } from './campaign-views';
import { completionReason } from './completion';
import type { CampaignDeps } from './deps';
import { transition } from './status-machine';
import { campaignRef, requireTransition } from './transitions';

type ActorKind = 'brand' | 'admin';

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

/** `adminReason`: why an administrator paused it (the brand then cannot resume it). */
export async function pauseIn(
  tx: CampaignTx,
  campaign: Campaign,
  by: ActorKind,
  now: Date,
  adminReason: string | null = null,
) {
  const status = requireTransition(campaign, 'pause', by);
  const paused = await tx.campaign.update({
    where: { id: campaign.id },
    data: { status, pausedAt: now, pausedBy: by, pauseReason: adminReason },
  });
  await recordEvent(tx, 'campaign.paused', { ...campaignRef(paused), by });
  return paused;
}

/**
 * Each side lifts only its own pause: a brand cannot undo an administrator's emergency pause, and
 * an administrator does not overrule a brand that paused its own campaign. The campaign launches
 * now if its start passed while it was paused.
 */
export async function resumeIn(tx: CampaignTx, campaign: Campaign, by: ActorKind, now: Date) {
  const status = requireTransition(campaign, 'resume', by);
  if (campaign.pausedBy === 'admin' && by === 'brand') {
    throw new DomainError(
      'forbidden',
      'paused_by_admin',
      'An administrator paused this campaign; contact support to resume it.',
    );
  }
  if (campaign.pausedBy === 'brand' && by === 'admin') {
    throw new DomainError(
      'conflict',
      'paused_by_brand',
      'The brand paused this campaign itself; only the brand can resume it.',
    );
  }
  const resumed = await tx.campaign.update({
    where: { id: campaign.id },
    data: { status, pausedAt: null, pausedBy: null, pauseReason: null },
  });
  await recordEvent(tx, 'campaign.resumed', campaignRef(resumed));
  return launchIfDueIn(tx, resumed, now);
}

/** The payment ledger releases the unspent escrow when it sees campaign.completed. */
export async function completeIn(
  tx: CampaignTx,
  campaign: Campaign,
  reason: CompletionReason,
  now: Date,
  adminReason: string | null = null,
) {
  const completed = await tx.campaign.update({
    where: { id: campaign.id },
    // Nobody delivers an ended campaign: the participation service completes every live
    // participation with it (no participation event follows), so the count ends here.
    data: {
      status: 'completed',
      completedAt: now,
      completedReason: reason,
      closedByAdminReason: adminReason,
      activeParticipantCount: 0,
    },
  });
  await recordEvent(tx, 'campaign.completed', { ...campaignRef(completed), reason });
  return completed;
}

/** The payment ledger releases the unspent escrow when it sees campaign.cancelled. */
export async function cancelIn(
  tx: CampaignTx,
  campaign: Campaign,
  by: ActorKind,
  now: Date,
  adminReason: string | null = null,
) {
  const status = requireTransition(campaign, 'cancel', by);
  const cancelled = await tx.campaign.update({
    where: { id: campaign.id },
    data: {
      status,
      cancelledAt: now,
      cancelledBy: by,
      closedByAdminReason: adminReason,
      activeParticipantCount: 0,
    },
  });
  await recordEvent(tx, 'campaign.cancelled', { ...campaignRef(cancelled), by });
  return cancelled;
}

export type CampaignChange = (tx: CampaignTx, campaign: Campaign, now: Date) => Promise<Campaign>;

/**
 * One change to one campaign: locked (`lock` also says whether the caller may touch it), changed
 * in one transaction; a closed campaign's start and end jobs are removed after.
 */
export async function changeCampaign(
  deps: CampaignDeps,
  viewer: ActorKind,
  lock: (tx: CampaignTx) => Promise<Campaign>,
  change: CampaignChange,
): Promise<CampaignView> {
  const now = deps.now();
  const changed = await deps.db.$transaction(async (tx) => change(tx, await lock(tx), now));
  if (changed.status === 'completed' || changed.status === 'cancelled') {
    await deps.schedule.unschedule(changed);
  }
  return campaignView(changed, viewer, now);
}

const changeByBrand = (
  deps: CampaignDeps,
  brandId: string,
  campaignId: string,
  change: CampaignChange,
) =>
  changeCampaign(
    deps,
    'brand',
    (tx) => lockManagedCampaign(tx, campaignId, { kind: 'brand', brandId }),
    change,
  );

export const pauseCampaign = (deps: CampaignDeps, brandId: string, campaignId: string) =>
  changeByBrand(deps, brandId, campaignId, (tx, campaign, now) =>
    pauseIn(tx, campaign, 'brand', now),
  );

export const resumeCampaign = (deps: CampaignDeps, brandId: string, campaignId: string) =>
  changeByBrand(deps, brandId, campaignId, (tx, campaign, now) =>
    resumeIn(tx, campaign, 'brand', now),
  );

export const cancelCampaign = (deps: CampaignDeps, brandId: string, campaignId: string) =>
  changeByBrand(deps, brandId, campaignId, (tx, campaign, now) =>
    cancelIn(tx, campaign, 'brand', now),
  );

export const endCampaign = (deps: CampaignDeps, brandId: string, campaignId: string) =>
  changeByBrand(deps, brandId, campaignId, (tx, campaign, now) => {
    requireTransition(campaign, 'end', 'brand');
    return completeIn(tx, campaign, 'ended_by_brand', now);
  });

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
