import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_CREATIVES_DIR, topUpByCard } from '@gametriggers/devstack';
import type { ApiClient } from '@gametriggers/api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from '../../src/api';
import {
  atBothWidths,
  launchBrowser,
  screenshot,
  signedInAdminContext,
  signInWithPassword,
  textOf,
  uploadInDropZone,
  urls,
} from '../../src/browser';

// Nova (a verified demo brand) and OleOnIce, a demo streamer on no campaign and in no other spec:
// the creative Nova uploads in the wizard is the one his OBS overlay shows.
const brand = { email: 'nova@demo.gametriggers.dev', password: 'DemoPassword!2026' };
const streamer = { email: 'ole@demo.gametriggers.dev', password: 'DemoPassword!2026' };

let browser: Browser;
let admin: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInAdminContext(browser);
});
afterAll(() => browser.close());

/** `YYYY-MM-DDTHH:MM` in the browser's (the machine's) zone, for a datetime-local input. */
function localInputValue(date: Date) {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const next = (page: Page) => page.getByTestId('wizard-next').click();

/** Joins as soon as the campaign has started (before, the join is refused as not active yet). */
async function joinOnceStarted(streamerApi: ApiClient, campaignId: string, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { participation } = await streamerApi.participation.join.mutate({ campaignId, acknowledgeWarnings: true });
      return participation;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
}

describe('a creative from upload to the stream', () => {
  it('a brand uploads an image in the wizard, an admin approves it in moderation, the campaign goes live and the streamer’s OBS page shows it', async () => {
    const stamp = Date.now().toString(36);
    const title = `Nova on ice ${stamp}`;
    const fileName = `nova-on-ice-${stamp}.jpg`;

    // The wizard: basics, then the creative step's drop zone.
    const brandPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInWithPassword(brandPage, brand.email, brand.password);
    await brandPage.waitForURL(`${urls.brand}/**`);
    await brandPage.goto(`${urls.brand}/campaigns/new`);
    await brandPage.getByLabel('Title').fill(title);
    await brandPage.getByLabel('Description').fill('Nova keyboards for the coldest sports streams.');
    await brandPage.getByText('Sports', { exact: true }).click();
    await next(brandPage);

    // A file that is not what it claims is refused by the asset service's check, with its reason.
    await uploadInDropZone(
      brandPage,
      { name: 'not-a-picture.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not a PNG') },
      { outcome: 'refused' },
    );
    expect(await textOf(brandPage.getByTestId('campaign-wizard').getByRole('alert'))).toMatch(/not-a-picture\.png was refused\. \S+/);
    await screenshot(brandPage, 'brand-wizard-creative-refused');

    // The real image: uploaded, checked, previewed in the overlay card, waiting for moderation.
    const image = readFileSync(path.join(DEMO_CREATIVES_DIR, 'nova/keys.jpg'));
    await uploadInDropZone(brandPage, { name: fileName, mimeType: 'image/jpeg', buffer: image });
    const chosen = brandPage.getByTestId('chosen-creative');
    expect(await textOf(chosen)).toContain(fileName);
    expect(await textOf(chosen.getByTestId('creative-moderation'))).toBe('Waiting for moderation');
    await expect.poll(() => brandPage.getByTestId('ad-preview-card').getAttribute('data-state')).toBe('creative');
    const previewSrc = await brandPage.getByTestId('ad-preview-card').locator('img.gt-creative').getAttribute('src');
    expect(previewSrc).toMatch(new RegExp(`^${inject('uploadsUrl')}/a/`));
    await brandPage.getByLabel('Alt text (optional)').fill('A Nova keyboard on ice');
    await brandPage.getByLabel('Click-through link').fill('https://nova-peripherals.example/ice');
    await atBothWidths(brandPage, 'brand-wizard-creative');
    await next(brandPage);
    await next(brandPage); // targeting: any language, worldwide, any size
    await brandPage.getByLabel('Rate (USD)').fill('10');
    await brandPage.getByLabel('Total budget (USD)').fill('200');
    await next(brandPage);
    // Starts in a few minutes: time to moderate the creative and review the campaign first.
    const startsAt = new Date(Date.now() + 4 * 60_000);
    await brandPage.getByLabel('Starts').fill(localInputValue(startsAt));
    await next(brandPage);
    await brandPage.getByTestId('campaign-review').waitFor();
    expect(await textOf(brandPage.getByTestId('campaign-review'))).toContain(fileName);
    await atBothWidths(brandPage, 'brand-wizard-review-creative');
    await brandPage.getByTestId('campaign-save').click();
    await brandPage.waitForURL(/\/campaigns\/[0-9a-f-]{36}\?saved=created/);
    const campaignId = /\/campaigns\/([0-9a-f-]{36})/.exec(brandPage.url())![1]!;

    // Not yet: the draft says the creative waits for moderation, and submitting is refused.
    await brandPage.getByText('Creative waiting for moderation').waitFor();
    await brandPage.getByTestId('campaign-action-submit').click();
    await brandPage.getByText('The creative is waiting for moderation.').waitFor();
    await screenshot(brandPage, 'brand-campaign-creative-pending');

    // The admin approves the upload in the moderation queue.
    const adminPage = await admin.newPage();
    await adminPage.goto(`${urls.admin}/moderation?kind=creative_asset`);
    const row = adminPage.getByTestId('moderation-row').filter({ hasText: fileName });
    await expect.poll(async () => {
      await adminPage.reload();
      return row.count();
    }, { timeout: 30_000, interval: 1_000 }).toBe(1);
    await row.getByTestId('moderation-item-link').click();
    await adminPage.getByTestId('moderation-creative-image').waitFor();
    await screenshot(adminPage, 'admin-moderation-uploaded-creative');
    await adminPage.getByTestId('moderation-approve').click();
    await expect.poll(() => textOf(adminPage.getByTestId('moderation-status'))).toBe('Approved');

    // The brand sees it approved (once the asset service has applied the decision) and submits.
    await expect
      .poll(async () => {
        await brandPage.goto(`${urls.brand}/campaigns/${campaignId}`);
        return textOf(brandPage.getByTestId('campaign-creative').getByTestId('creative-moderation'));
      }, { timeout: 30_000, interval: 1_000 })
      .toBe('Approved');
    await brandPage.getByTestId('campaign-action-submit').click();
    await expect.poll(() => textOf(brandPage.getByTestId('campaign-status'))).toBe('In review');

    // Approval reserves the budget: Nova pays for it by card, then the admin approves the campaign.
    await topUpByCard(await apiAs(brand), inject('stripeUrl'), 20_000);
    await adminPage.goto(`${urls.admin}/campaigns/${campaignId}`);
    await adminPage.getByTestId('approve-campaign').click();
    await expect.poll(() => textOf(adminPage.getByTestId('campaign-status'))).toBe('Active');

    // Ole joins once it has started (the start job launches it).
    const asStreamer = await apiAs(streamer);
    const participation = await joinOnceStarted(asStreamer, campaignId);
    expect(participation.status).toBe('active');

    // His OBS page: connected, then a test of this campaign's ad shows the uploaded creative.
    const portal = await browser.newPage();
    await signInWithPassword(portal, streamer.email, streamer.password);
    await portal.waitForURL(`${urls.streamer}/**`);
    await portal.goto(`${urls.streamer}/overlay`);
    await portal.getByTestId('reveal-overlay-url').click();
    const overlayUrl = await portal.getByTestId('overlay-url').inputValue();
    const overlay = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await overlay.goto(overlayUrl);
    await expect
      .poll(() => portal.getByTestId('obs-connection').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('connected');
    await asStreamer.overlay.testFire.mutate({ participationId: participation.id });
    const shown = overlay.locator('[data-testid="overlay-ad"][data-rendered="true"][data-ad-id^="test-"]');
    await shown.waitFor({ timeout: 15_000 });
    expect(await shown.getAttribute('data-state')).toBe('creative');
    const campaign = await (await apiAs(brand)).campaign.get.query({ campaignId });
    expect(await shown.locator('img.gt-creative').getAttribute('src')).toBe(campaign.creative.url);
    expect(campaign.creative.url).toBe(previewSrc);
    expect(await shown.locator('img.gt-creative').getAttribute('alt')).toBe('A Nova keyboard on ice');
    await screenshot(overlay, 'overlay-uploaded-creative');
    await Promise.all([overlay.close(), portal.close(), adminPage.close(), brandPage.close()]);
  }, 600_000);
});
