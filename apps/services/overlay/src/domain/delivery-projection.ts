import type { OverlayTx } from '../database';

/**
 * The overlay service's own view of what may be delivered, kept from events. Each row remembers when
 * its last change happened, so a late (older) event never overrides a newer one, and replaying an
 * event changes nothing.
 */

export interface ParticipationChange {
  participationId: string;
  campaignId: string;
  brandId: string;
  streamerId: string;
  clickCode: string;
  delivering: boolean;
  occurredAt: Date;
}

export async function applyParticipationChange(tx: OverlayTx, change: ParticipationChange): Promise<string[]> {
  await tx.$executeRaw`
    INSERT INTO "delivering_participations" ("participationId", "streamerId", "campaignId", "brandId", "clickCode", "delivering", "changedAt")
    VALUES (${change.participationId}::uuid, ${change.streamerId}::uuid, ${change.campaignId}::uuid, ${change.brandId}::uuid, ${change.clickCode}, ${change.delivering}, ${change.occurredAt})
    ON CONFLICT ("participationId") DO UPDATE
      SET "delivering" = EXCLUDED."delivering", "changedAt" = EXCLUDED."changedAt", "clickCode" = EXCLUDED."clickCode"
      WHERE "delivering_participations"."changedAt" <= EXCLUDED."changedAt"`;
  return overlayIdsOfStreamers(tx, [change.streamerId]);
}

export interface CampaignChange {
  campaignId: string;
  halted: boolean;
  /** Completed or cancelled: a later "resumed" cannot bring it back. */
  ended: boolean;
  occurredAt: Date;
}

export async function applyCampaignChange(tx: OverlayTx, change: CampaignChange): Promise<string[]> {
  await tx.$executeRaw`
    INSERT INTO "campaign_delivery_states" ("campaignId", "halted", "ended", "changedAt")
    VALUES (${change.campaignId}::uuid, ${change.halted || change.ended}, ${change.ended}, ${change.occurredAt})
    ON CONFLICT ("campaignId") DO UPDATE
      SET "halted" = EXCLUDED."halted" OR "campaign_delivery_states"."ended",
          "ended" = EXCLUDED."ended" OR "campaign_delivery_states"."ended",
          "changedAt" = GREATEST(EXCLUDED."changedAt", "campaign_delivery_states"."changedAt")
      WHERE "campaign_delivery_states"."changedAt" <= EXCLUDED."changedAt" OR EXCLUDED."ended"`;
  const streamers = await tx.deliveringParticipation.findMany({
    where: { campaignId: change.campaignId },
    select: { streamerId: true },
    distinct: ['streamerId'],
  });
  return overlayIdsOfStreamers(tx, streamers.map((row) => row.streamerId));
}

export interface LiveStatusChange {
  streamerId: string;
  live: boolean;
  viewers: number;
  occurredAt: Date;
}

export async function applyLiveStatusChange(tx: OverlayTx, change: LiveStatusChange): Promise<string[]> {
  await tx.$executeRaw`
    INSERT INTO "streamer_live_statuses" ("streamerId", "live", "viewers", "changedAt")
    VALUES (${change.streamerId}::uuid, ${change.live}, ${change.viewers}, ${change.occurredAt})
    ON CONFLICT ("streamerId") DO UPDATE
      SET "live" = EXCLUDED."live", "viewers" = EXCLUDED."viewers", "changedAt" = EXCLUDED."changedAt"
      WHERE "streamer_live_statuses"."changedAt" <= EXCLUDED."changedAt"`;
  return overlayIdsOfStreamers(tx, [change.streamerId]);
}

export interface SuspensionChange {
  streamerId: string;
  suspended: boolean;
  occurredAt: Date;
}

/** A streamer's account suspended or reactivated; the overlays to look at again. */
export async function applySuspensionChange(tx: OverlayTx, change: SuspensionChange): Promise<string[]> {
  await tx.$executeRaw`
    INSERT INTO "streamer_suspensions" ("streamerId", "suspended", "changedAt")
    VALUES (${change.streamerId}::uuid, ${change.suspended}, ${change.occurredAt})
    ON CONFLICT ("streamerId") DO UPDATE
      SET "suspended" = EXCLUDED."suspended", "changedAt" = EXCLUDED."changedAt"
      WHERE "streamer_suspensions"."changedAt" <= EXCLUDED."changedAt"`;
  return overlayIdsOfStreamers(tx, [change.streamerId]);
}

/** Whether the streamer's account is suspended (their overlay then shows nothing). */
export async function isStreamerSuspended(
  tx: Pick<OverlayTx, 'streamerSuspension'>,
  streamerId: string,
): Promise<boolean> {
  const row = await tx.streamerSuspension.findUnique({ where: { streamerId } });
  return row?.suspended ?? false;
}

async function overlayIdsOfStreamers(tx: OverlayTx, streamerIds: string[]): Promise<string[]> {
  if (streamerIds.length === 0) return [];
  const overlays = await tx.overlay.findMany({ where: { streamerId: { in: streamerIds } }, select: { id: true } });
  return overlays.map((overlay) => overlay.id);
}
