import { createApiClient } from '@gametriggers/api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signInWithPassword, textOf, urls } from '../../src/browser';

// Pixel Pat is live on the Twitch stand-in (340 viewers) and runs Acme's and Nova's campaigns.
const streamer = { email: 'streamer@demo.gametriggers.dev', password: 'DemoStreamer!2026' };
const brands = [
  { email: 'brand@demo.gametriggers.dev', password: 'DemoBrand!2026' },
  { email: 'nova@demo.gametriggers.dev', password: 'DemoPassword!2026' },
];
const gatewayUrl = 'http://localhost:4000';
// The demo creatives are uploads, served by the upload store; a broken one is made by answering 404.
const demoCreatives = () => `${inject('uploadsUrl')}/a/**`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function brandOwning(campaignId: string) {
  for (const brand of brands) {
    const session = await createApiClient({ gatewayUrl }).identity.login.mutate(brand);
    const api = createApiClient({ gatewayUrl, getAccessToken: () => session.accessToken });
    const campaign = await api.campaign.get.query({ campaignId }).catch(() => null);
    if (campaign) return brand;
  }
  throw new Error(`No demo brand owns campaign ${campaignId}`);
}

type Report = { type: string; adId?: string; campaignId?: string; viewers?: number; test?: boolean };

/** The overlay page as OBS shows it (at 1280 × 720), recording what it reports to analytics. */
async function openOverlay(url: string, options: { brokenCreatives?: boolean } = {}) {
  const overlay = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  if (options.brokenCreatives) {
    await overlay.route(demoCreatives(), (route) => route.fulfill({ status: 404, body: 'gone' }));
  }
  const reports: Report[] = [];
  overlay.on('request', (request) => {
    if (request.method() === 'POST' && request.url() === `${gatewayUrl}/ingest`) {
      const body = request.postDataJSON() as { events: Report[] };
      reports.push(...body.events);
    }
  });
  await overlay.goto(url);
  return { overlay, reports };
}

/** The streamer's overlay page in the portal, and the overlay's OBS link it shows. */
async function streamerOverlaySetup() {
  const portal = await browser.newPage();
  await signInWithPassword(portal, streamer.email, streamer.password);
  await portal.waitForURL(`${urls.streamer}/**`);
  await portal.goto(`${urls.streamer}/overlay`);
  // The link is masked on screen (streamers show this page on stream) until asked for.
  await portal.getByTestId('reveal-overlay-url').click();
  const overlayUrl = await portal.getByTestId('overlay-url').inputValue();
  return { portal, overlayUrl };
}

const testAd = (overlay: Page) => overlay.locator('[data-testid="overlay-ad"][data-ad-id^="test-"]');
const renderedTestAd = (overlay: Page) =>
  overlay.locator('[data-testid="overlay-ad"][data-rendered="true"][data-ad-id^="test-"]');

describe('from a test-fire to the brand’s analytics', () => {
  it('a live streamer’s overlay connects, shows a test-fired ad, reports what it shows, and the brand sees the impressions', async () => {
    const { portal, overlayUrl } = await streamerOverlaySetup();
    expect(overlayUrl).toMatch(new RegExp(`^${urls.streamer}/overlay/gto_[\\w-]{43}$`));

    await expect.poll(() => portal.getByTestId('obs-connection').getAttribute('data-state')).toBe('absent');
    const { overlay, reports } = await openOverlay(overlayUrl);
    // The portal sees the OBS page join the streamer's presence channel.
    await expect
      .poll(() => portal.getByTestId('obs-connection').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('connected');

    // No break between ads, so the rotation goes on right after the test ad.
    await portal.getByLabel('Break between ads (seconds)').fill('0');
    await portal.getByTestId('save-overlay-settings').click();
    await expect.poll(() => portal.getByTestId('overlay-settings-notice').count()).toBe(1);

    await portal.getByTestId('test-fire-any').first().click();
    // On the page at once (how fast is the realtime benchmark's to measure, not a browser test's);
    // it fades in once its creative has loaded from the creative's host.
    await testAd(overlay).waitFor({ state: 'attached', timeout: 5_000 });
    await renderedTestAd(overlay).waitFor({ timeout: 10_000 });
    // The demo creative itself (an upload, served by the store), labelled as sponsored by its brand.
    expect(await renderedTestAd(overlay).getAttribute('data-state')).toBe('creative');
    expect(await textOf(renderedTestAd(overlay).getByTestId('ad-card-label'))).toMatch(/^Sponsored\s+\S/i);
    // The tracked link's QR code under the ad, drawn for viewers to scan.
    await expect
      .poll(() => overlay.getByTestId('overlay-qr').first().evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(0);
    await screenshot(portal, 'streamer-overlay-setup');
    await screenshot(overlay, 'overlay-test-fire');

    // A sponsor's ad from the rotation (before or after the test), rendered and reported with the
    // synced live viewers; the test ad is reported as a test.
    const sponsored = await expect
      .poll(() => reports.find((report) => report.type === 'display_start' && !report.test), { timeout: 120_000 })
      .toMatchObject({ viewers: 340 })
      .then(() => reports.find((report) => report.type === 'display_start' && !report.test)!);
    expect(reports.filter((report) => report.type === 'display_start' && report.test)).toHaveLength(1);
    const campaignId = sponsored.campaignId!;

    // The hourly count reaches the brand's campaign analytics.
    const brand = await brandOwning(campaignId);
    const brandPage = await browser.newPage();
    await signInWithPassword(brandPage, brand.email, brand.password);
    await brandPage.waitForURL(`${urls.brand}/**`);
    await expect
      .poll(
        async () => {
          await brandPage.goto(`${urls.brand}/campaigns/${campaignId}/analytics`);
          return Number((await textOf(brandPage.getByTestId('analytics-impressions'))).replace(/\D/g, ''));
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBeGreaterThanOrEqual(340);
    await screenshot(brandPage, 'brand-campaign-analytics');
    await Promise.all([brandPage.close(), overlay.close(), portal.close()]);
  }, 420_000);

  it('a creative that does not load shows the labelled fallback card, and the streamer and the brand see “creative not loading”', async () => {
    const { portal, overlayUrl } = await streamerOverlaySetup();
    const { overlay, reports } = await openOverlay(overlayUrl, { brokenCreatives: true });
    await expect
      .poll(() => portal.getByTestId('obs-connection').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('connected');
    await portal.getByTestId('test-fire-any').first().click();

    const card = overlay.locator('[data-testid="overlay-ad"][data-rendered="true"][data-ad-id^="test-"]');
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 10_000 }).toBe('fallback');
    expect(await card.getByTestId('ad-card-fallback').isVisible()).toBe(true);
    expect(await textOf(card.getByTestId('ad-card-label'))).toMatch(/^Sponsored\s+\S/i);
    await overlay.waitForTimeout(500);
    await screenshot(overlay, 'overlay-creative-fallback');
    // Reported with its campaign (every demo creative is broken here, the rotation's too).
    await expect
      .poll(() => reports.some((report) => report.type === 'creative_failed' && report.campaignId), { timeout: 15_000 })
      .toBe(true);
    const campaignId = reports.find((report) => report.type === 'creative_failed')!.campaignId!;

    // The streamer's overlay page names the campaign whose creative is not loading.
    await expect
      .poll(
        async () => {
          await portal.goto(`${urls.streamer}/overlay`);
          return portal.getByTestId('creative-not-loading').count();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(1);
    await screenshot(portal, 'streamer-overlay-creative-not-loading');

    // And so does the brand's campaign page.
    const brand = await brandOwning(campaignId);
    const brandPage = await browser.newPage();
    await signInWithPassword(brandPage, brand.email, brand.password);
    await brandPage.waitForURL(`${urls.brand}/**`);
    await brandPage.goto(`${urls.brand}/campaigns/${campaignId}`);
    expect(await textOf(brandPage.getByTestId('creative-not-loading'))).toMatch(/Creative not loading/);
    await screenshot(brandPage, 'brand-campaign-creative-not-loading');
    await Promise.all([brandPage.close(), overlay.close(), portal.close()]);
  }, 240_000);
});
