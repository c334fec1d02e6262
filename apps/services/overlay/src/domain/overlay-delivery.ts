import { DomainError } from '@gametriggers/trpc';
import type { OverlayDeps } from './deps';
import { fireTestAd, previewDelivery } from './delivery-cycle';
import { liveAds } from './live-ads';
import { getOrCreateOverlay } from './overlays';

async function ownOverlayRow(deps: OverlayDeps, streamerId: string) {
  await getOrCreateOverlay(deps, streamerId);
  return deps.db.overlay.findUniqueOrThrow({ where: { streamerId } });
}

function campaignServiceDown(error: unknown): never {
  throw new DomainError(
    'precondition_failed',
    'campaigns_unavailable',
    'Your campaigns cannot be loaded right now. Try again in a minute.',
    { cause: error instanceof Error ? error.message : String(error) },
  );
}

/** The ads the streamer's overlay would rotate now, with their creatives, and the one it would pick. */
export async function overlayPreview(deps: OverlayDeps, streamerId: string) {
  const overlay = await ownOverlayRow(deps, streamerId);
  const preview = await previewDelivery(deps, overlay).catch(campaignServiceDown);
  return {
    overlayId: overlay.id,
    live: preview.live,
    selection: preview.selection,
    ads: preview.ads.map((ad) => ({
      participationId: ad.participationId,
      campaignId: ad.campaignId,
      brandName: ad.info.brandName,
      title: ad.info.title,
      creative: ad.info.creative,
      clickThroughUrl: ad.info.clickThroughUrl,
      durationSeconds: ad.info.frequency.adDurationSeconds,
    })),
  };
}

/** Pushes an ad to the overlay now, marked as a test: the given participation's, or the one it would pick. */
export async function testFire(deps: OverlayDeps, streamerId: string, participationId: string | undefined) {
  const overlay = await ownOverlayRow(deps, streamerId);
  const ads = await liveAds(deps, deps.db, streamerId).catch(campaignServiceDown);
  let ad = participationId ? ads.find((candidate) => candidate.participationId === participationId) : undefined;
  if (participationId && !ad) {
    throw new DomainError('not_found', 'participation_not_live', 'That campaign is not live on your overlay.');
  }
  if (!ad) {
    const preview = await previewDelivery(deps, overlay).catch(campaignServiceDown);
    const pick = preview.selection.kind === 'show' ? preview.selection.participationId : undefined;
    ad = ads.find((candidate) => candidate.participationId === pick) ?? ads[0];
  }
  if (!ad) {
    throw new DomainError('precondition_failed', 'no_live_ad', 'Join a campaign first: there is no ad to test yet.');
  }
  return fireTestAd(deps, overlay, ad);
}
