import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atBothWidths, signInWithPassword, textOf, urls, launchBrowser } from '../../src/browser';

// Laguna Luis (Madrid) was live when Acme's completed campaign was shown once on his overlay: the
// seed reports that display through /ingest, analytics counts its hour, Acme ended the campaign.
const luis = {
  email: 'luis@demo.gametriggers.dev',
  password: 'DemoPassword!2026',
  name: 'LagunaLuis',
};
const acme = { email: 'brand@demo.gametriggers.dev', password: 'DemoBrand!2026' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

async function discoveredNames(page: Page, minReputation: number) {
  await page.goto(`${urls.brand}/discover?minReputation=${minReputation}`);
  await page.getByTestId('discover-submit').waitFor();
  return page.getByTestId('result-name').allTextContents();
}

describe('streamer progression', () => {
  it('shows the streamer their level, XP to the next level, reputation, streaks and counted days', async () => {
    const page = await browser.newPage();
    await signInWithPassword(page, luis.email, luis.password);
    await page.waitForURL(`${urls.streamer}/**`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Progress' })
      .click();
    await page.waitForURL(`${urls.streamer}/progress`);

    // The hour is counted by analytics' rollup (every 30 s), then reaches the streamer service.
    await expect
      .poll(
        async () => {
          await page.goto(`${urls.streamer}/progress`);
          return textOf(page.getByTestId('progression-reputation'));
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBe('10 RP');
    expect(Number(await textOf(page.getByTestId('progression-level')))).toBeGreaterThanOrEqual(2);
    expect(await textOf(page.getByTestId('progression-next-level'))).toMatch(
      /^[\d,]+ XP to level \d+/,
    );
    expect(await textOf(page.getByTestId('progression-current-streak'))).toBe('1 day');
    expect(await textOf(page.getByTestId('progression-longest-streak'))).toBe('1 day');
    const today = page.locator(`[data-day="${todayIn('Europe/Madrid')}"]`);
    expect(await today.getAttribute('data-counted')).toBe('true');
    expect(await page.locator('[data-day][data-counted="true"]').count()).toBe(1);
    expect(await page.locator('[data-day]').count()).toBeGreaterThan(49);
    await atBothWidths(page, 'streamer-progress');
    await page.close();
  }, 240_000);

  it('lets a brand find streamers by minimum reputation', async () => {
    const page = await browser.newPage();
    await signInWithPassword(page, acme.email, acme.password);
    await page.waitForURL(`${urls.brand}/**`);
    expect(await discoveredNames(page, 10)).toContain(luis.name);
    expect(await discoveredNames(page, 11)).not.toContain(luis.name);

    await page.goto(`${urls.brand}/discover`);
    await page.getByLabel('Minimum reputation (RP)').fill('10');
    await page.getByTestId('discover-submit').click();
    await page.waitForURL(/minReputation=10/);
    const card = page.getByTestId('streamer-result').filter({ hasText: luis.name });
    expect(await textOf(card.getByTestId('result-reputation'))).toBe('10 RP');
    await atBothWidths(page, 'brand-discover-min-reputation');
    await page.close();
  });
});
