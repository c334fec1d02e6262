import type { Browser, Page } from 'playwright-core';
import { createMailboxClient } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, signInWithPassword, signInWithTwitch, textOf, urls } from '../../src/browser';
import { apiAs } from '../../src/api';

// Lumen's demo campaign "Lumen Crunch Break" takes streamers by application: chatting, music and
// creative streams, any language, worldwide, any size.
const lumen = { email: 'lumen@demo.gametriggers.dev', password: 'DemoPassword!2026' };

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

/** The Unread tab's count on the inbox page. */
async function unreadTabCount(page: Page): Promise<number> {
  return Number(await textOf(page.getByRole('link', { name: /^Unread/ }).locator('span')));
}

describe('an approved application', () => {
  it('reaches the streamer live, on the bell and at the top of the open inbox, and by email', async () => {
    const channel = `e2eapply${Date.now().toString(36)}`;
    const email = `${channel}@example.test`;
    const campaign = (await (await apiAs(lumen)).campaign.listMine.query({ status: 'active', limit: 100 })).items.find(
      (item) => item.title === 'Lumen Crunch Break',
    );
    if (!campaign) throw new Error('The demo campaign “Lumen Crunch Break” is not active');

    // A new music streamer: Twitch sign-in, onboarding with the channel connected.
    const streamerPage = await browser.newPage();
    await signInWithTwitch(streamerPage, email);
    await streamerPage.goto(`${urls.streamer}/onboarding`);
    await streamerPage.getByTestId('connect-twitch').click();
    await streamerPage.getByLabel('Another login').fill(channel);
    await streamerPage.getByRole('button', { name: 'Authorize' }).click();
    await streamerPage.waitForURL(`${urls.streamer}/onboarding**`);
    await streamerPage.getByTestId('onboarding-next').click();
    await streamerPage.getByLabel('Main category').selectOption('music');
    await streamerPage.getByLabel('Stream language').selectOption('en');
    await streamerPage.getByLabel('Content rating').selectOption('everyone');
    await streamerPage.getByTestId('onboarding-next').click();
    await streamerPage.getByLabel('Country').selectOption('GB');
    await streamerPage.getByTestId('onboarding-next').click();
    await streamerPage.getByTestId('onboarding-submit').click();
    await streamerPage.waitForURL((url) => !url.pathname.startsWith('/onboarding'));

    // They apply from the campaign's marketplace page.
    await streamerPage.goto(`${urls.streamer}/marketplace/${campaign.id}`);
    await streamerPage.getByLabel('Message to the brand (optional)').fill('Crunchy snacks between songs, my chat would love it.');
    await streamerPage.getByTestId('apply-button').click();
    await expect
      .poll(() => streamerPage.getByTestId('participation-state').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('pending');

    // Then keep their inbox open, counting the page's connections to Pusher.
    const sockets = new Set<string>();
    streamerPage.on('websocket', (socket) => {
      if (!socket.url().includes('/app/')) return;
      sockets.add(socket.url());
      socket.on('close', () => sockets.delete(socket.url()));
    });
    await streamerPage.goto(`${urls.streamer}/notifications`);
    const bell = streamerPage.getByTestId('notification-bell');
    await bell.waitFor();
    const before = await bellCount(streamerPage);
    expect(await unreadTabCount(streamerPage)).toBe(before);
    // Give pusher-js a moment to subscribe (the bell catches up on the count when it does anyway).
    await streamerPage.waitForTimeout(2_000);

    // The brand approves the applicant from its campaign page.
    const brandPage = await browser.newPage();
    await signInWithPassword(brandPage, lumen.email, lumen.password);
    await brandPage.waitForURL(`${urls.brand}/**`);
    await brandPage.goto(`${urls.brand}/campaigns/${campaign.id}`);
    const applicant = brandPage.getByTestId('applicant-row').filter({ hasText: channel });
    await applicant.waitFor();
    await screenshot(brandPage, 'brand-applicant-to-approve');
    await applicant.getByTestId('approve-applicant').click();
    await expect.poll(() => brandPage.getByTestId('participant-row').filter({ hasText: channel }).count(), { timeout: 30_000 }).toBe(1);

    // Without a reload: the bell counts it, the inbox lists it at the top, its Unread tab follows.
    await expect.poll(() => bellCount(streamerPage), { timeout: 30_000 }).toBeGreaterThan(before);
    const unread = await bellCount(streamerPage);
    expect(await bell.getAttribute('aria-label')).toBe(`Notifications, ${unread} unread`);
    const approved = streamerPage.getByTestId('inbox-item').filter({ hasText: 'Application approved' });
    await approved.waitFor({ timeout: 10_000 });
    expect(await approved.getAttribute('data-read')).toBe('false');
    // Above everything the page already listed (only what arrived since can be above it).
    const titles = await streamerPage.getByTestId('inbox-item').allTextContents();
    const position = titles.findIndex((text) => text.includes('Application approved'));
    expect(position).toBeGreaterThanOrEqual(0);
    expect(position).toBeLessThan(unread - before);
    expect(await unreadTabCount(streamerPage)).toBe(unread);
    // The bell and the inbox share one connection.
    expect(sockets.size).toBe(1);
    await screenshot(streamerPage, 'streamer-inbox-live');

    // The bell's dropdown shows it too.
    await bell.click();
    const panel = streamerPage.getByTestId('notification-panel');
    await expect.poll(() => panel.getByTestId('notification-panel-item').filter({ hasText: 'Application approved' }).count()).toBe(1);
    await screenshot(streamerPage, 'streamer-bell-application-approved');

    // And the email arrives, with the way back to the portal.
    const mail = await createMailboxClient(inject('mailboxUrl')).waitForMessage({ to: email, subject: /Application approved/, timeoutMs: 30_000 });
    expect(mail.text).toContain('Your application was approved');
    expect(mail.text).toContain(`${urls.streamer}/my-campaigns`);

    await brandPage.close();
    await streamerPage.close();
  }, 300_000);
});
