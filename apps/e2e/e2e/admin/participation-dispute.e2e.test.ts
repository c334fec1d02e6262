import { formatCents } from '@gametriggers/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../../src/api';
import {
  launchBrowser,
  openDialog,
  screenshot,
  signedInAdminContext,
  signInWithPassword,
  textOf,
  urls,
} from '../../src/browser';

// Pixel Pat has been on air with a demo campaign (the platform's seed reports her overlay's
// displays), so she has earnings from that participation for its brand to dispute.
const streamer = { email: 'streamer@demo.gametriggers.dev', password: 'DemoStreamer!2026' };
const brands = [
  { email: 'brand@demo.gametriggers.dev', password: 'DemoBrand!2026' },
  { email: 'nova@demo.gametriggers.dev', password: 'DemoPassword!2026' },
];

let browser: Browser;
let admin: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInAdminContext(browser);
});
afterAll(() => browser.close());

/** `$1,234.56` → 123456. */
const centsIn = (text: string) =>
  [...text.matchAll(/\$([\d,]+)\.(\d\d)/g)].map(
    (match) => Number(match[1]!.replaceAll(',', '')) * 100 + Number(match[2]),
  );
const amountOf = async (page: Page, testId: string) =>
  centsIn(await textOf(page.getByTestId(testId)))[0] ?? Number.NaN;

/** Pat's participation that has earned something, once its charges have landed, and its brand. */
async function earningParticipation() {
  const asStreamer = await apiAs(streamer);
  let earning: { campaignId: string } | undefined;
  await expect
    .poll(
      async () => {
        earning = (await asStreamer.payment.earnings.byCampaign.query()).find(
          (row) => row.earnedCents > 0,
        );
        return Boolean(earning);
      },
      { timeout: 150_000, interval: 3_000 },
    )
    .toBe(true);
  const { items } = await asStreamer.participation.listMine.query({ limit: 100 });
  const participation = items.find((item) => item.campaignId === earning!.campaignId)!;
  for (const brand of brands) {
    const asBrand = await apiAs(brand);
    const participants = await asBrand.participation.listForCampaign
      .query({
        campaignId: participation.campaignId,
        status: 'active',
        limit: 100,
      })
      .catch(() => null);
    const participant = participants?.items.find((item) => item.id === participation.id);
    if (participant)
      return { participation, brand, streamerName: participant.streamer.displayName };
  }
  throw new Error(`No demo brand owns campaign ${participation.campaignId}`);
}

describe('a participation dispute', () => {
  it('is opened by the brand, resolved by an admin as a split, and the money moves as decided', async () => {
    const { participation, brand, streamerName } = await earningParticipation();

    // The brand's wallet before, then the dispute from the participant's row on the campaign page.
    const brandPage = await browser.newPage();
    await signInWithPassword(brandPage, brand.email, brand.password);
    await brandPage.waitForURL(`${urls.brand}/**`);
    await brandPage.goto(`${urls.brand}/billing`);
    const walletBefore = await amountOf(brandPage, 'wallet-available');
    await brandPage.goto(`${urls.brand}/campaigns/${participation.campaignId}`);
    const row = brandPage.getByTestId('participant-row').filter({ hasText: streamerName });
    await row.getByTestId('open-dispute').click();
    await row.getByLabel('Reason').fill('The overlay was hidden behind the webcam');
    await row
      .getByLabel('What happened')
      .fill('Our ad sat under the webcam frame for the whole stream.');
    await row.getByLabel('Links (optional)').fill('https://clips.example.com/pat-hidden-ad');
    await screenshot(brandPage, 'dispute-brand-form');
    await row.getByTestId('submit-dispute').click();
    await expect
      .poll(() => textOf(row.getByTestId('dispute-status')), { timeout: 30_000 })
      .toBe('Dispute open');
    await row.getByTestId('participation-dispute-link').click();
    await brandPage.waitForURL(`${urls.brand}/disputes/**`);
    const disputeUrl = new URL(brandPage.url());
    const held = await amountOf(brandPage, 'dispute-held');
    expect(held).toBeGreaterThan(0);
    await screenshot(brandPage, 'dispute-brand-open');

    // The streamer sees it too, with what is held.
    const streamerPage = await browser.newPage();
    await signInWithPassword(streamerPage, streamer.email, streamer.password);
    await streamerPage.waitForURL(`${urls.streamer}/**`);
    await streamerPage.goto(`${urls.streamer}${disputeUrl.pathname}`);
    expect(await textOf(streamerPage.getByTestId('dispute-status'))).toBe('Dispute open');
    expect(await amountOf(streamerPage, 'dispute-held')).toBe(held);
    await streamerPage.goto(`${urls.streamer}/earnings`);
    const streamerAvailableBefore = await amountOf(streamerPage, 'earnings-available');

    // An admin finds it in the queue and splits it: a third to the streamer, the rest to the brand.
    const adminPage = await admin.newPage();
    await adminPage.goto(`${urls.admin}/disputes`);
    await adminPage
      .getByTestId('dispute-row')
      .filter({ hasText: 'The overlay was hidden behind the webcam' })
      .getByTestId('dispute-link')
      .click();
    await adminPage.waitForURL(`${urls.admin}/disputes/**`);
    expect(await amountOf(adminPage, 'dispute-held')).toBe(held);
    const toStreamer = Math.floor(held / 3);
    const dialog = await openDialog(adminPage, 'resolve-dispute');
    await dialog.locator('input[name="outcome"][value="split"]').check();
    await dialog.locator('input[name="streamerShare"]').fill((toStreamer / 100).toFixed(2));
    await dialog
      .getByLabel('Reason')
      .fill('The ad was partly covered for about two thirds of the stream');
    await screenshot(adminPage, 'dispute-admin-resolve');
    await dialog.getByTestId('resolve-dispute-confirm').click();
    await expect
      .poll(() => textOf(adminPage.getByTestId('dispute-status')), { timeout: 30_000 })
      .toBe('Split');
    expect(await amountOf(adminPage, 'dispute-to-streamer')).toBe(toStreamer);
    expect(await amountOf(adminPage, 'dispute-to-brand')).toBe(held - toStreamer);
    await screenshot(adminPage, 'dispute-admin-resolved');

    // The brand's wallet has its share; the streamer's available earnings have theirs.
    await brandPage.goto(`${urls.brand}/billing`);
    expect(await amountOf(brandPage, 'wallet-available')).toBe(walletBefore + held - toStreamer);
    await brandPage.goto(disputeUrl.href);
    expect(await textOf(brandPage.getByTestId('dispute-status'))).toBe('Split');
    expect(await textOf(brandPage.getByTestId('dispute-to-brand'))).toBe(
      formatCents(held - toStreamer),
    );
    await streamerPage.goto(`${urls.streamer}/earnings`);
    // Other campaigns' earnings may mature meanwhile: the dispute's share is there at least.
    expect(await amountOf(streamerPage, 'earnings-available')).toBeGreaterThanOrEqual(
      streamerAvailableBefore + toStreamer,
    );
    await streamerPage.goto(`${urls.streamer}${disputeUrl.pathname}`);
    expect(await textOf(streamerPage.getByTestId('dispute-to-streamer'))).toBe(
      formatCents(toStreamer),
    );
    await screenshot(streamerPage, 'dispute-streamer-resolved');
    await Promise.all([brandPage.close(), streamerPage.close(), adminPage.close()]);
  }, 400_000);
});
