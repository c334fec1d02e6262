import type { CampaignDeliveryInfo } from '@gametriggers/contracts';
import type { OverlayTx } from '../database';
import type { OverlayDeps } from './deps';
import type { AdCandidate } from './selection/selection-types';

/** A participation the overlay may show now, with what to show. */
export interface LiveAd extends AdCandidate {
  info: CampaignDeliveryInfo;
  /** Where a viewer's click goes: the participation's tracked short link (the campaign's URL for rows without a code). */
  clickUrl: string;
  /** Who the card names as the sponsor. */
  brandName: string;
}

/** The participation's tracked short link, `<SHORT_LINK_BASE_URL>/r/<code>`; counted and redirected by analytics. */
export function trackedClickUrl(shortLinkBaseUrl: string, clickCode: string) {
  return `${shortLinkBaseUrl.replace(/\/+$/, '')}/r/${encodeURIComponent(clickCode)}`;
}

type Reader = Pick<OverlayTx, 'deliveringParticipation' | 'campaignDeliveryState'>;

/** The streamer's delivering participations whose campaign is not paused or over, by this service's projection. */
export async function deliverableParticipations(db: Reader, streamerId: string) {
  const participations = await db.deliveringParticipation.findMany({ where: { streamerId, delivering: true } });
  if (participations.length === 0) return [];
  const halted = await db.campaignDeliveryState.findMany({
    where: { campaignId: { in: participations.map((p) => p.campaignId) }, halted: true },
    select: { campaignId: true },
  });
  const haltedIds = new Set(halted.map((row) => row.campaignId));
  return participations.filter((participation) => !haltedIds.has(participation.campaignId));
}

export async function isDeliverable(db: Reader, participationId: string): Promise<boolean> {
  const participation = await db.deliveringParticipation.findUnique({ where: { participationId } });
  if (!participation?.delivering) return false;
  const campaign = await db.campaignDeliveryState.findUnique({ where: { campaignId: participation.campaignId } });
  return !campaign?.halted;
}

/** Below this many impressions a campaign's click-through rate says too little to go by. */
const MIN_IMPRESSIONS_FOR_CTR = 100;

/** The ads the overlay may rotate now: deliverable participations of active campaigns naming their brand, with their creatives. */
export async function liveAds(deps: Pick<OverlayDeps, 'campaigns' | 'shortLinkBaseUrl'>, db: Reader, streamerId: string): Promise<LiveAd[]> {
  const participations = await deliverableParticipations(db, streamerId);
  const infos = await deps.campaigns.deliveryInfo([...new Set(participations.map((p) => p.campaignId))]);
  const byCampaign = new Map(infos.map((info) => [info.campaignId, info]));
  return participations.flatMap((participation) => {
    const info = byCampaign.get(participation.campaignId);
    // An ad on stream must name its sponsor; a campaign reviewed without a brand name stays off air.
    if (info?.status !== 'active' || !info.brandName) return [];
    return [
      {
        participationId: participation.participationId,
        campaignId: participation.campaignId,
        pricing: info.pricing,
        frequency: info.frequency,
        ctr: info.impressions >= MIN_IMPRESSIONS_FOR_CTR ? info.clicks / info.impressions : null,
        info,
        brandName: info.brandName,
        clickUrl: participation.clickCode
          ? trackedClickUrl(deps.shortLinkBaseUrl, participation.clickCode)
          : info.clickThroughUrl,
      },
    ];
  });
}
