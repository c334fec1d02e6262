import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, signInWithTwitch, textOf } from '../../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('signing in with Twitch', () => {
  it('goes through the Twitch stand-in and lands in the streamer portal as a new streamer', async () => {
    const page = await browser.newPage();
    const login = `twitch.${Date.now()}@example.test`;
    await signInWithTwitch(page, login);
    expect(await textOf(page.getByTestId('account-email'))).toBe(login);
    expect(await textOf(page.getByTestId('account-role'))).toBe('streamer');
    await screenshot(page, 'streamer-portal-home-twitch');
    await page.close();
  });
});
