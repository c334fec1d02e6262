import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, textOf, urls } from '../../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('signing in with Twitch', () => {
  it('goes through the Twitch stand-in and lands in the streamer portal as a new streamer', async () => {
    const page = await browser.newPage();
    const login = `twitch.${Date.now()}@example.test`;
    await page.goto(`${urls.landing}/sign-in`);
    await page.getByRole('button', { name: 'Continue with Twitch' }).click();

    // The local OpenID provider's own login page, then its consent page.
    await page.waitForURL(`${inject('twitchIssuer')}/interaction/**`);
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', 'anything');
    await page.locator('button[type="submit"]').click();
    // A first sign-in asks to authorise Gametriggers; the stand-in's consent button says Continue.
    const consent = page.getByRole('button', { name: 'Continue' });
    await Promise.race([page.waitForURL(`${urls.streamer}/**`), consent.waitFor()]);
    if (page.url().startsWith(inject('twitchIssuer'))) await consent.click();

    await page.waitForURL(`${urls.streamer}/**`);
    expect(await textOf(page.getByTestId('account-email'))).toBe(login);
    expect(await textOf(page.getByTestId('account-role'))).toBe('streamer');
    await screenshot(page, 'streamer-portal-home-twitch');
    await page.close();
  });
});
