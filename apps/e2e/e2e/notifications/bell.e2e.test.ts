import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signInWithPassword, textOf, urls } from '../../src/browser';
import { apiAs, draftCampaignFields, uploadApprovedCreative } from '../../src/api';

// A verified demo brand: submitting a campaign for review tells its owner (`campaign.submitted`).
const nova = { email: 'nova@demo.gametriggers.dev', password: 'DemoPassword!2026' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** What the bell's badge shows: 0 without a badge. */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
}

describe('the notifications bell', () => {
  it('counts a new notification live, shows it in the dropdown and lists it in the inbox', async () => {
    const title = `Bell ${Date.now().toString(36)}`;
    // Its creative is uploaded and approved before the page opens (moderation's own notices come first).
    const creative = await uploadApprovedCreative(nova);
    const page = await browser.newPage();
    await signInWithPassword(page, nova.email, nova.password);
    await page.waitForURL(`${urls.brand}/**`);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    const before = await bellCount(page);
    // Give pusher-js a moment to subscribe (the bell catches up on the count when it does anyway).
    await page.waitForTimeout(2_000);

    // The brand submits a campaign for review through the API, in another session.
    const asBrand = await apiAs(nova);
    const draft = await asBrand.campaign.create.mutate(
      draftCampaignFields(title, { assetId: creative.assetId, altText: 'A Nova mouse' }),
    );
    await asBrand.campaign.submit.mutate({ campaignId: draft.id });

    // Without a reload, the badge goes up and says so to screen readers.
    await expect.poll(() => bellCount(page), { timeout: 30_000 }).toBeGreaterThan(before);
    expect(await bell.getAttribute('aria-label')).toBe(`Notifications, ${await bellCount(page)} unread`);

    // The dropdown shows the notification; Escape closes it and gives focus back to the bell.
    await bell.click();
    const panel = page.getByTestId('notification-panel');
    await expect.poll(() => textOf(panel)).toContain(title);
    await screenshot(page, 'brand-notification-bell');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await bell.evaluate((element) => element === document.activeElement)).toBe(true);

    // "See all": the inbox lists it as unread.
    await bell.click();
    await panel.getByRole('link', { name: 'See all' }).click();
    await page.waitForURL(`${urls.brand}/notifications`);
    const item = page.getByTestId('inbox-item').filter({ hasText: title }).first();
    expect(await item.getAttribute('data-read')).toBe('false');
    await screenshot(page, 'brand-notifications-inbox');

    // At phone width the bell and its dropdown still fit the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await bell.click();
    await panel.waitFor();
    const box = await panel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await screenshot(page, 'brand-notification-bell-390');
    await page.close();
  }, 180_000);
});
