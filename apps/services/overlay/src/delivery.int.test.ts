import { randomUUID } from 'node:crypto';
import type { CampaignDeliveryInfo } from '@gametriggers/contracts';
import { failure, runningClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayHarness } from './testing/overlay-harness';
import { resumeLiveOverlays } from './jobs/resume-live-overlays';
import { startOverlayHarness } from './testing/overlay-harness';
import type { OverlayPage } from './testing/overlay-page';
import { connectOverlayPage } from './testing/overlay-page';

let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: OverlayHarness;
const campaigns = new Map<string, CampaignDeliveryInfo>();
const pages: OverlayPage[] = [];
/** From 14:00 New York on, at real speed: ads are shown and hidden by real timers. */
const clock = runningClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    campaigns: { deliveryInfo: (ids) => Promise.resolve(ids.flatMap((id) => campaigns.get(id) ?? [])) },
  });
});

afterEach(() => {
  for (const page of pages.splice(0)) page.close();
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

/** A campaign the stand-in campaign service knows, with short test timings. */
function campaign(adDurationSeconds: number, overrides: Partial<CampaignDeliveryInfo> = {}): CampaignDeliveryInfo {
  const info: CampaignDeliveryInfo = {
    campaignId: randomUUID(),
    brandName: 'Acme',
    title: 'Acme energy',
    creative: { type: 'image', url: 'https://cdn.example.com/acme.png' },
    clickThroughUrl: 'https://acme.example.com',
    // Test timings below the campaign form's minimums: the stand-in is not validated.
    frequency: { adDurationSeconds, minMinutesBetweenShows: 0, maxShowsPerHour: 60 },
    pricing: { model: 'cpm', rateCents: 500 },
    status: 'active',
    impressions: 0,
    clicks: 0,
    ...overrides,
  };
  campaigns.set(info.campaignId, info);
  return info;
}

/** A streamer with an overlay (break of 1 s) and the overlay page connected to it. */
async function streamerWithOverlay() {
  const person = testCast().streamerA;
  const token = await issuer.tokenFor(person);
  const { overlayId, key } = await harness.createOverlayFor(token);
  await harness.client(token).overlay.updateSettings.mutate({ breakSeconds: 1, maxAdsPerHour: 120 });
  const page = await connectOverlayPage({ serviceUrl: harness.url, realtime: harness.realtime, overlayId, key });
  pages.push(page);
  return { streamerId: person.userId, token, overlayId, key, page, api: harness.client(token) };
}

/** The click code `join` gives a participation (its id's first characters, for the test to predict). */
const codeOf = (participationId: string) => `code${participationId.slice(0, 8)}`;

async function join(streamerId: string, info: CampaignDeliveryInfo) {
  const participationId = randomUUID();
  await harness.sendEvent('participation.joined', {
    participationId,
    campaignId: info.campaignId,
    brandId: randomUUID(),
    streamerId,
    clickCode: codeOf(participationId),
  });
  return participationId;
}

const goLive = (streamerId: string, live = true, viewers = live ? 120 : 0) =>
  harness.sendEvent('streamer.live_status_changed', { streamerId, live, viewers });

describe('the delivery cycle', () => {
  it('shows an ad while live, hides it after its duration, and shows again after the break', async () => {
    const { streamerId, page } = await streamerWithOverlay();
    const info = campaign(1);
    const participationId = await join(streamerId, info);
    expect(page.received.filter((e) => e.event === 'ad.show')).toEqual([]);

    await goLive(streamerId);
    const shown = await page.next('ad.show');
    expect(shown.data).toMatchObject({
      participationId,
      campaignId: info.campaignId,
      // The card names its sponsor and headline on stream.
      brandName: 'Acme',
      title: 'Acme energy',
      creative: info.creative,
      durationSeconds: 1,
      viewers: 120,
      clickText: 'Type !sponsor in chat or scan the code',
      // The tracked short link (counted and redirected by analytics), not the brand's URL.
      clickUrl: `http://gateway.test/r/${codeOf(participationId)}`,
    });
    const hidden = await page.next('ad.hide');
    expect(hidden.data).toEqual({ adId: shown.data.adId });
    // Seen by the page: a late-delivered ad.show shortens the gap it sees, never the server's 1 s.
    expect(hidden.at - shown.at).toBeGreaterThanOrEqual(600);

    // A sync with more viewers: the next ad carries them.
    await goLive(streamerId, true, 150);
    const again = await page.next('ad.show', 5_000);
    expect(again.data.adId).not.toBe(shown.data.adId);
    expect(again.data.viewers).toBe(150);
    expect(again.at - hidden.at).toBeGreaterThanOrEqual(600);
    await goLive(streamerId, false);
  });

  it('keeps a campaign that does not name its brand off air: every ad on stream names its sponsor', async () => {
    const { streamerId, api } = await streamerWithOverlay();
    const named = campaign(1);
    const unnamed = campaign(1, { brandName: null });
    await join(streamerId, named);
    await join(streamerId, unnamed);
    const campaignIds = (await api.overlay.preview.query()).ads.map((ad) => ad.campaignId);
    expect(campaignIds).toContain(named.campaignId);
    expect(campaignIds).not.toContain(unnamed.campaignId);
  });

  it('shows nothing while the stream is offline', async () => {
    const { streamerId, page } = await streamerWithOverlay();
    await join(streamerId, campaign(1));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(page.received.filter((e) => e.event === 'ad.show')).toEqual([]);
  });

  it('hides a removed participation’s ad at once', async () => {
    const { streamerId, page } = await streamerWithOverlay();
    const info = campaign(60);
    const participationId = await join(streamerId, info);
    await goLive(streamerId);
    const shown = await page.next('ad.show');
    const beforeRemoval = page.received.length;
    await harness.sendEvent('participation.removed', {
      participationId,
      campaignId: info.campaignId,
      brandId: randomUUID(),
      streamerId,
      clickCode: codeOf(participationId),
      reason: 'brand_decision',
      forfeitEarnings: false,
      removedBy: randomUUID(),
    });
    const hidden = await page.next('ad.hide', 3_000, beforeRemoval);
    expect(hidden.data).toEqual({ adId: shown.data.adId });
    expect(hidden.at - shown.at).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(page.received.filter((e) => e.event === 'ad.show')).toHaveLength(1);
  });

  it('hides a paused campaign’s ad at once and shows it again once resumed', async () => {
    const { streamerId, page } = await streamerWithOverlay();
    const info = campaign(60);
    await join(streamerId, info);
    await goLive(streamerId);
    const shown = await page.next('ad.show');
    const ref = { campaignId: info.campaignId, brandId: randomUUID(), title: info.title };
    const beforePause = page.received.length;
    await harness.sendEvent('campaign.paused', { ...ref, by: 'brand' });
    expect((await page.next('ad.hide', 3_000, beforePause)).data).toEqual({ adId: shown.data.adId });

    const beforeResume = page.received.length;
    await harness.sendEvent('campaign.resumed', ref);
    expect((await page.next('ad.show', 5_000, beforeResume)).data).toMatchObject({ campaignId: info.campaignId });
  });

  it('hides the ad and stops when the streamer pauses the overlay, and sends the new settings', async () => {
    const { streamerId, page, api } = await streamerWithOverlay();
    await join(streamerId, campaign(60));
    await goLive(streamerId);
    const shown = await page.next('ad.show');
    const from = page.received.length;
    await api.overlay.setPaused.mutate({ paused: true });
    expect((await page.next('ad.hide', 3_000, from)).data).toEqual({ adId: shown.data.adId });
    expect((await page.next('overlay.settings', 3_000, from)).data).toMatchObject({ paused: true, corner: 'bottom-right' });
    expect((await api.overlay.preview.query()).selection).toEqual({ kind: 'none', reason: 'paused' });
  });

  it('rotates between live participations (fair rotation) once the rotation interval has passed', async () => {
    const { streamerId, page, api } = await streamerWithOverlay();
    await api.overlay.updateSettings.mutate({ rotationIntervalSeconds: 30 });
    const first = await join(streamerId, campaign(1));
    const second = await join(streamerId, campaign(1));
    const offline = await api.overlay.preview.query();
    expect(offline.ads.map((ad) => ad.participationId).sort()).toEqual([first, second].sort());
    expect(offline.selection).toEqual({ kind: 'none', reason: 'offline' });
    await goLive(streamerId);
    const shown = await page.next('ad.show');
    expect([first, second]).toContain(shown.data.participationId);
    // The first ad stays on rotation for the interval (30 s), so the next show is the same ad.
    const next = await page.next('ad.show', 5_000, page.received.indexOf(shown) + 1);
    expect(next.data.participationId).toBe(shown.data.participationId);
  });
});

describe('one cycle per overlay', () => {
  it('shows one ad however many triggers arrive at once', async () => {
    const { streamerId, overlayId, page } = await streamerWithOverlay();
    await join(streamerId, campaign(60));
    await join(streamerId, campaign(60));
    await goLive(streamerId);
    await Promise.all(Array.from({ length: 10 }, () => harness.service.deps.delivery.overlayChanged(overlayId)));
    await page.next('ad.show', 3_000, 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(page.received.filter((e) => e.event === 'ad.show')).toHaveLength(1);
    expect(await harness.db.adShow.count({ where: { overlayId, hiddenAt: null } })).toBe(1);
  });

  it('stops at the overlay’s hourly cap', async () => {
    const { streamerId, page, api } = await streamerWithOverlay();
    await api.overlay.updateSettings.mutate({ maxAdsPerHour: 1 });
    await join(streamerId, campaign(1));
    await goLive(streamerId);
    await page.next('ad.hide', 4_000, 0);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(page.received.filter((e) => e.event === 'ad.show')).toHaveLength(1);
    expect((await api.overlay.preview.query()).selection).toEqual({ kind: 'none', reason: 'overlay_hourly_cap' });
  });
});

describe('after a restart', () => {
  it('runs a step for every live overlay, so a lost cycle starts again', async () => {
    const { streamerId, page } = await streamerWithOverlay();
    await join(streamerId, campaign(60));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Live without the event (as if its check was lost): nothing happens until the service starts.
    await harness.db.streamerLiveStatus.create({ data: { streamerId, live: true, changedAt: clock.now() } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(page.received.filter((e) => e.event === 'ad.show')).toEqual([]);
    await resumeLiveOverlays(harness.service.deps);
    expect((await page.next('ad.show', 3_000, 0)).data).toMatchObject({ durationSeconds: 60 });
  });
});

describe('preview and test-fire', () => {
  it('test-fires a live participation’s ad, marked as a test', async () => {
    const { streamerId, page, api } = await streamerWithOverlay();
    const info = campaign(1);
    const participationId = await join(streamerId, info);
    const fired = await api.overlay.testFire.mutate({ participationId });
    expect(fired.adId).toMatch(/^test-/);
    const shown = await page.next('ad.show', 5_000, 0);
    expect(shown.data).toMatchObject({ adId: fired.adId, participationId, creative: info.creative, test: true });
    expect((await page.next('ad.hide', 4_000, 0)).data).toEqual({ adId: fired.adId });
    // A test is never counted in rotation history or caps.
    expect(await harness.db.adShow.findMany({ where: { participationId } })).toMatchObject([{ test: true }]);
  });

  it('refuses to test-fire without a live ad, or another streamer’s participation', async () => {
    const { api } = await streamerWithOverlay();
    expect((await failure(api.overlay.testFire.mutate({}))).reason).toBe('no_live_ad');
    const other = await streamerWithOverlay();
    const theirs = await join(other.streamerId, campaign(1));
    expect((await failure(api.overlay.testFire.mutate({ participationId: theirs }))).reason).toBe('participation_not_live');
  });
});
