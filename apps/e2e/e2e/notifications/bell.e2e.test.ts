import type { Browser, Page } from 'playwright-core';
import { demoAccounts } from '@gametriggers/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signInWithTwitch, textOf, urls } from '../../src/browser';
import { apiAs } from '../../src/api';

// The demo brand Acme Energy, owner of "Acme League Nights": an approval campaign for MOBA and
// esports streamers, open to any language and region.
const acme = demoAccounts.find((account) => account.role === 'brand')!;
const leagueTitle = 'Acme League Nights';
/** The notification the streamer gets (`participation.approved`). */
const approvedTitle = 'Application approved';

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

/** A new streamer (Twitch sign-in) with an esports profile, so Acme's league campaign takes them. */
async function newEsportsStreamer(page: Page, channel: string) {
  await signInWithTwitch(page, `${channel}@example.test`);
  await page.goto(`${urls.streamer}/onboarding`);
  await page.getByTestId('connect-twitch').click();
  await page.getByLabel('Another login').fill(channel);
  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(`${urls.streamer}/onboarding**`);
  await page.getByTestId('onboarding-next').click();
  await page.getByLabel('Main category').selectOption('esports');
  await page.getByLabel('Stream language').selectOption('en');
  await page.getByLabel('Content rating').selectOption('mature');
  await page.getByTestId('onboarding-next').click();
  await page.getByLabel('Country').selectOption('GB');
  await page.getByTestId('onboarding-next').click();
  await page.getByTestId('onboarding-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/onboarding'));
}

describe('the notifications bell', () => {
  it('counts a brand’s approval live, shows it in the dropdown and lists it in the inbox', async () => {
    const channel = `bell${Date.now().toString(36)}`;
    const streamerPage = await browser.newPage();
    await newEsportsStreamer(streamerPage, channel);
    const streamerId = await streamerPage.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { user?: { id?: string } };
      return session.user?.id ?? '';
    });
    expect(streamerId).not.toBe('');

    // The streamer applies to the league campaign.
    await streamerPage.goto(`${urls.streamer}/marketplace?category=esports`);
    const card = streamerPage.getByTestId('marketplace-campaign').filter({ hasText: leagueTitle });
    await card.getByRole('link').first().click();
    await streamerPage.waitForURL(/\/marketplace\/[0-9a-f-]{36}/);
    const campaignId = /\/marketplace\/([0-9a-f-]{36})/.exec(streamerPage.url())![1]!;
    await streamerPage.getByTestId('apply-button').click();
    await expect
      .poll(() => streamerPage.getByTestId('participation-state').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('pending');

    // The streamer's portal stays open on the overview; the bell is connected to their channel.
    await streamerPage.goto(`${urls.streamer}/`);
    const bell = streamerPage.getByTestId('notification-bell');
    await bell.waitFor();
    const before = await bellCount(streamerPage);
    // Give pusher-js a moment to subscribe (the bell catches up on the count when it does anyway).
    await streamerPage.waitForTimeout(2_000);

    // The brand approves the application, through the API.
    const brandApi = await apiAs(acme);
    const pending = await brandApi.participation.listForCampaign.query({ campaignId, status: 'pending', limit: 100 });
    const application = pending.items.find((item) => item.streamerId === streamerId);
    expect(application, 'the streamer’s application on the brand’s list').toBeDefined();
    await brandApi.participation.approve.mutate({ participationId: application!.id });

    // Without a reload, the badge goes up and says so to screen readers.
    await expect.poll(() => bellCount(streamerPage), { timeout: 30_000 }).toBe(before + 1);
    expect(await bell.getAttribute('aria-label')).toBe(`Notifications, ${before + 1} unread`);

    // The dropdown shows the notification; Escape closes it and gives focus back to the bell.
    await bell.click();
    const panel = streamerPage.getByTestId('notification-panel');
    await expect.poll(() => textOf(panel.getByTestId('notification-panel-item'))).toContain(approvedTitle);
    await screenshot(streamerPage, 'streamer-notification-bell');
    await streamerPage.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await bell.evaluate((element) => element === document.activeElement)).toBe(true);

    // "See all": the inbox lists it as unread.
    await bell.click();
    await panel.getByRole('link', { name: 'See all' }).click();
    await streamerPage.waitForURL(`${urls.streamer}/notifications`);
    const item = streamerPage.getByTestId('inbox-item').filter({ hasText: approvedTitle }).first();
    expect(await item.getAttribute('data-read')).toBe('false');
    await screenshot(streamerPage, 'streamer-notifications-inbox');
    await streamerPage.close();
  }, 180_000);
});
