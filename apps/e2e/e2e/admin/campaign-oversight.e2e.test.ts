import { demoCreativeFile, topUpByCard } from '@gametriggers/devstack';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, draftCampaignFields, uploadApprovedCreative } from '../../src/api';
import {
  launchBrowser,
  openDialog,
  screenshot,
  signedInAdminContext,
  signInWithPassword,
  textOf,
  urls,
} from '../../src/browser';

// A demo brand the other browser tests do not pause, and the demo streamer.
const brand = { email: 'nova@demo.gametriggers.dev', password: 'DemoPassword!2026' };
const streamer = { email: 'streamer@demo.gametriggers.dev', password: 'DemoStreamer!2026' };

let browser: Browser;
let admin: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInAdminContext(browser);
});
afterAll(() => browser.close());

/** Opens the dialog of a ReasonConfirm button, gives the reason and confirms. */
async function confirmWithReason(page: Page, testId: string, reason: string) {
  const dialog = await openDialog(page, testId);
  await dialog.getByLabel('Reason').fill(reason);
  await page.getByTestId(`${testId}-confirm`).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('campaign oversight in the admin portal', () => {
  it('finds a campaign in the table, approves it, pauses it in an emergency, lifts the pause and re-budgets it', async () => {
    const title = `Oversight ${Date.now().toString(36)}`;
    const asBrand = await apiAs(brand);
    const creative = await uploadApprovedCreative(brand, demoCreativeFile('nova/keys.jpg'));
    const draft = await asBrand.campaign.create.mutate(
      draftCampaignFields(title, { assetId: creative.assetId, altText: 'A Nova keyboard' }),
    );
    await asBrand.campaign.submit.mutate({ campaignId: draft.id });
    await topUpByCard(asBrand, inject('stripeUrl'), 30_000);

    const page = await admin.newPage();
    await page.goto(`${urls.admin}/campaigns?status=pending_review`);
    await page.getByLabel('Title or brand').fill(title);
    await page.getByTestId('apply-filters').click();
    await expect.poll(() => page.getByTestId('campaign-row').count()).toBe(1);
    await screenshot(page, 'admin-campaigns-1280');
    await page.getByTestId('campaign-link').click();
    await page.waitForURL(`${urls.admin}/campaigns/${draft.id}`);

    await page.getByTestId('approve-campaign').click();
    await expect.poll(() => textOf(page.getByTestId('campaign-status'))).toBe('Active');
    expect(await textOf(page.getByTestId('budget-reserved'))).toBe('$200');

    await confirmWithReason(page, 'emergency-pause', 'Viewers reported the creative.');
    await expect.poll(() => textOf(page.getByTestId('campaign-status'))).toBe('Paused');
    await expect(asBrand.campaign.resume.mutate({ campaignId: draft.id })).rejects.toThrow(/administrator paused/);
    await screenshot(page, 'admin-campaign-paused-1280');

    await confirmWithReason(page, 'lift-pause', 'The creative was checked and is fine.');
    await expect.poll(() => textOf(page.getByTestId('campaign-status'))).toBe('Active');

    const budget = await openDialog(page, 'override-budget');
    await page.getByTestId('override-budget-amount').fill('250');
    await budget.getByLabel('Reason').fill('Agreed with the brand.');
    await page.getByTestId('override-budget-confirm').click();
    await expect.poll(() => textOf(page.getByTestId('budget-reserved'))).toBe('$250');

    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-campaign-390');
    await page.goto(`${urls.admin}/campaigns`);
    await screenshot(page, 'admin-campaigns-390');
    await page.close();
  });

  it('a streamer asks for verification in their portal; an admin verifies them from the queue', async () => {
    const streamerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInWithPassword(streamerPage, streamer.email, streamer.password);
    await streamerPage.waitForURL(`${urls.streamer}/**`);
    await streamerPage.goto(`${urls.streamer}/profile`);
    await streamerPage.getByTestId('request-verification').click();
    await expect.poll(() => textOf(streamerPage.getByTestId('verification-status'))).toBe('In review');

    const page = await admin.newPage();
    await page.goto(`${urls.admin}/verifications?tab=streamers`);
    await page.getByTestId('streamer-verification-link').first().waitFor();
    await screenshot(page, 'admin-streamer-verifications-1280');
    const me = await (await apiAs(streamer)).streamer.me.query();
    await page.goto(`${urls.admin}/verifications/streamers/${me!.streamerId}`);
    await screenshot(page, 'admin-streamer-review-1280');
    await page.getByTestId('verify-streamer').click();
    await expect.poll(() => textOf(page.getByTestId('streamer-verification-status'))).toBe('Verified');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-streamer-review-390');

    await streamerPage.reload();
    expect(await textOf(streamerPage.getByTestId('verification-status'))).toBe('Verified');
    await page.close();
    await streamerPage.close();
  });
});
