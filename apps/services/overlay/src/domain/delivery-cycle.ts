import { randomUUID } from 'node:crypto';
import { overlayChannel } from '@gametriggers/realtime';
import type { OverlayTx } from '../database';
import type { AdShow, Overlay } from '../generated/prisma/client';
import type { OverlayDeps } from './deps';
import type { LiveAd } from './live-ads';
import { isStreamerSuspended } from './delivery-projection';
import { isDeliverable, liveAds } from './live-ads';
import { settingsOf } from './overlay-settings';
import { inAnyBlackout } from './selection/blackouts';
import { selectAd } from './selection/select-ad';
import type { NoAdReason, PastShow } from './selection/selection-types';

export const CLICK_TEXT = 'Type !sponsor in chat or scan the code';
/** Prefix of the ad ids of test-fires, which the overlay reports as tests and analytics never counts. */
export const TEST_AD_PREFIX = 'test-';
/** How soon an overlay held back by a blackout, a cap or an unreachable campaign service looks again. */
export const RECHECK_MS = 60_000;
/** Rankings are the same for any audience size (every expected earning scales with it). */
const RANKING_VIEWERS = 1_000;
const HOUR_MS = 3_600_000;

/** Reasons that pass with time alone; the others wait for an event (live, unpause, a new participation). */
const PASSING_REASONS: ReadonlySet<NoAdReason> = new Set(['blackout', 'overlay_hourly_cap', 'campaign_frequency']);

async function lockOverlay(tx: OverlayTx, overlayId: string) {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${overlayId}, 0))::text AS locked`;
}

/** The streamer's live status as last synced; offline with no viewers before the first sync. */
/** Live as far as delivery goes: on stream and not suspended. */
async function liveStatusOf(
  tx: Pick<OverlayTx, 'streamerLiveStatus' | 'streamerSuspension'>,
  streamerId: string,
) {
  const status = await tx.streamerLiveStatus.findUnique({ where: { streamerId } });
  const suspended = await isStreamerSuspended(tx, streamerId);
  return { live: (status?.live ?? false) && !suspended, viewers: status?.viewers ?? 0 };
}

function endOf(show: Pick<AdShow, 'shownAt' | 'durationSeconds'>): Date {
  return new Date(show.shownAt.getTime() + show.durationSeconds * 1000);
}

function adIdOf(show: Pick<AdShow, 'id' | 'test'>): string {
  return show.test ? `${TEST_AD_PREFIX}${show.id}` : show.id;
}

async function hide(deps: OverlayDeps, tx: OverlayTx, show: AdShow, now: Date) {
  await tx.adShow.update({ where: { id: show.id }, data: { hiddenAt: now } });
  await deps.realtime.publish(overlayChannel(show.overlayId), 'ad.hide', { adId: adIdOf(show) });
}

async function show(deps: OverlayDeps, tx: OverlayTx, overlay: Overlay, ad: LiveAd, now: Date, test: boolean) {
  const { viewers } = await liveStatusOf(tx, overlay.streamerId);
  const durationSeconds = ad.frequency.adDurationSeconds;
  const row = await tx.adShow.create({
    data: {
      id: randomUUID(),
      overlayId: overlay.id,
      participationId: ad.participationId,
      campaignId: ad.campaignId,
      shownAt: now,
      durationSeconds,
      test,
    },
  });
  const adId = adIdOf(row);
  await deps.realtime.publish(overlayChannel(overlay.id), 'ad.show', {
    adId,
    participationId: ad.participationId,
    campaignId: ad.campaignId,
    brandName: ad.brandName,
    title: ad.info.title,
    creative: ad.info.creative,
    durationSeconds,
    clickText: CLICK_TEXT,
    clickUrl: ad.clickUrl,
    shownAt: now.toISOString(),
    viewers,
    ...(test ? { test: true } : {}),
  });
  return { row, adId };
}

async function recentHistory(tx: Pick<OverlayTx, 'adShow'>, overlay: Overlay, now: Date): Promise<PastShow[]> {
  const since = new Date(now.getTime() - HOUR_MS - overlay.rotationIntervalSeconds * 1000);
  return tx.adShow.findMany({
    where: { overlayId: overlay.id, test: false, shownAt: { gte: since } },
    select: { participationId: true, campaignId: true, shownAt: true },
  });
}

/**
 * One step of an overlay's show-for-N, break-for-M cycle, serialized per overlay: hides the ad on
 * show when its time is up or it may no longer show (participation paused or gone, campaign halted,
 * overlay paused, stream offline, blackout), otherwise shows the next selected ad once the break is
 * over. Returns when to look again, or null to wait for an event.
 */
export async function runDeliveryCycle(deps: OverlayDeps, overlayId: string): Promise<Date | null> {
  return deps.db.$transaction(
    async (tx) => {
      await lockOverlay(tx, overlayId);
      const overlay = await tx.overlay.findUnique({ where: { id: overlayId } });
      if (!overlay) return null;
      const now = deps.now();
      const settings = settingsOf(overlay);
      const { live } = await liveStatusOf(tx, overlay.streamerId);
      const mayShow = live && !settings.paused && !inAnyBlackout(settings.blackouts, now, settings.timeZone);

      const showing = await tx.adShow.findFirst({ where: { overlayId, hiddenAt: null }, orderBy: { shownAt: 'desc' } });
      if (showing) {
        const stillAllowed = showing.test || (mayShow && (await isDeliverable(tx, showing.participationId)));
        if (stillAllowed && now < endOf(showing)) return endOf(showing);
        await hide(deps, tx, showing, now);
        return live && !settings.paused ? new Date(now.getTime() + settings.breakSeconds * 1000) : null;
      }
      if (!live || settings.paused) return null;

      // One ad shows at a time, so the latest shown is the latest hidden (and the index serves it).
      const lastHidden = await tx.adShow.findFirst({
        where: { overlayId, hiddenAt: { not: null } },
        orderBy: { shownAt: 'desc' },
      });
      const breakEnds = lastHidden?.hiddenAt ? new Date(lastHidden.hiddenAt.getTime() + settings.breakSeconds * 1000) : null;
      if (breakEnds && breakEnds > now) return breakEnds;

      let ads: LiveAd[];
      try {
        ads = await liveAds(deps, tx, overlay.streamerId);
      } catch (error) {
        deps.log.warn({ err: error, overlayId }, 'campaign delivery info unavailable; retrying');
        return new Date(now.getTime() + RECHECK_MS);
      }
      const selection = selectAd({
        now,
        live,
        settings,
        candidates: ads,
        history: await recentHistory(tx, overlay, now),
        viewers: RANKING_VIEWERS,
        random: deps.random,
      });
      if (selection.kind === 'none') {
        return PASSING_REASONS.has(selection.reason) ? new Date(now.getTime() + RECHECK_MS) : null;
      }
      const chosen = ads.find((ad) => ad.participationId === selection.candidate.participationId) as LiveAd;
      const { row } = await show(deps, tx, overlay, chosen, now, false);
      return endOf(row);
    },
    { timeout: 20_000 },
  );
}

export type PreviewSelection = { kind: 'show'; participationId: string } | { kind: 'none'; reason: NoAdReason };

/** The ads the overlay would rotate now, and the one it would pick (nothing is shown or recorded). */
export async function previewDelivery(deps: OverlayDeps, overlay: Overlay) {
  const now = deps.now();
  const settings = settingsOf(overlay);
  const { live } = await liveStatusOf(deps.db, overlay.streamerId);
  const ads = await liveAds(deps, deps.db, overlay.streamerId);
  const history = await recentHistory(deps.db, overlay, now);
  const selection = selectAd({ now, live, settings, candidates: ads, history, viewers: RANKING_VIEWERS, random: deps.random });
  return {
    live,
    selection: (selection.kind === 'show'
      ? { kind: 'show', participationId: selection.candidate.participationId }
      : selection) as PreviewSelection,
    ads,
  };
}

/** Shows `ad` now as a test (its id starts with TEST_AD_PREFIX; never in rotation history or caps). */
export async function fireTestAd(deps: OverlayDeps, overlay: Overlay, ad: LiveAd) {
  const result = await deps.db.$transaction(async (tx) => {
    await lockOverlay(tx, overlay.id);
    const now = deps.now();
    const showing = await tx.adShow.findFirst({ where: { overlayId: overlay.id, hiddenAt: null } });
    if (showing) await hide(deps, tx, showing, now);
    return show(deps, tx, overlay, ad, now, true);
  });
  await deps.delivery.checkAt(overlay.id, endOf(result.row));
  return { adId: result.adId, participationId: ad.participationId, durationSeconds: result.row.durationSeconds };
}
