import type { Browser, BrowserContext } from 'playwright-core';
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

const streamer = { email: 'streamer@demo.gametriggers.dev', password: 'DemoStreamer!2026' };

let browser: Browser;
let admin: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInAdminContext(browser);
});
afterAll(() => browser.close());

describe('a streamer’s report in the moderation queue', () => {
  it('a streamer reports an ad from the marketplace; a moderator finds it flagged, with the report, and decides', async () => {
    const discovered = await (await apiAs(streamer)).campaign.discover.query({ limit: 20 });
    // The last one: the delivery specs run on the first campaigns the demo streamer sees.
    const campaign = discovered.items.at(-1);
    expect(campaign).toBeDefined();

    const streamerPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInWithPassword(streamerPage, streamer.email, streamer.password);
    await streamerPage.waitForURL(`${urls.streamer}/**`);
    await streamerPage.goto(`${urls.streamer}/marketplace/${campaign!.id}`);
    await streamerPage.getByTestId('report-ad').click();
    await streamerPage.getByLabel('What is wrong?').selectOption('misleading');
    await streamerPage.getByLabel('Details (optional)').fill('Promises prizes nobody gets');
    await screenshot(streamerPage, 'moderation-report-ad-dialog');
    await streamerPage.getByTestId('report-ad-confirm').click();
    expect(await textOf(streamerPage.getByTestId('report-ad-sent'))).toContain('moderators');

    for (const width of [1280, 390]) {
      const page = await admin.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${urls.admin}/moderation?reported=1`);
      const row = page.getByTestId('moderation-row').filter({ hasText: campaign!.title });
      await row.first().waitFor({ timeout: 30_000 });
      await screenshot(page, `moderation-queue-${width}`);
      await row.getByTestId('moderation-item-link').click();
      expect(await textOf(page.getByTestId('moderation-report'))).toContain('Promises prizes nobody gets');
      await openDialog(page, 'moderation-reject');
      await screenshot(page, `moderation-item-reject-${width}`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      if (width === 390) {
        // Approving leaves the demo campaign running for the other specs.
        await page.getByTestId('moderation-approve').click();
        await page.getByTestId('moderation-decision').waitFor();
        expect(await textOf(page.getByTestId('moderation-status'))).toBe('Approved');
      }
      await page.close();
    }
  });
});
