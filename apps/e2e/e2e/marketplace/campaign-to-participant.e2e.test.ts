import type { Browser, Page } from 'playwright-core';
import { demoCreativeFile, topUpByCard } from '@gametriggers/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  signInWithPassword,
  signInWithTwitch,
  textOf,
  urls,
} from '../../src/browser';
import { apiAs, apiAsAdmin, demoAdmin, uploadApprovedCreative } from '../../src/api';

// A verified demo brand the other browser tests leave alone, and the demo super admin.
const brand = { email: 'nova@demo.gametriggers.dev', password: 'DemoPassword!2026' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** `YYYY-MM-DDTHH:MM` in the browser's (the machine's) zone, for a datetime-local input. */
function localInputValue(date: Date) {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function next(page: Page) {
  await page.getByTestId('wizard-next').click();
}

describe('from a brand’s campaign to a streamer on it', () => {
  it('a verified brand creates and submits a campaign, an admin approves it, a matching streamer joins, the brand sees them', async () => {
    const title = `Horror Night ${Date.now().toString(36)}`;
    const channel = `e2e${Date.now().toString(36)}`;
    // An earlier upload of the brand's, approved by moderation, picked in the wizard's library.
    const creativeName = `horror-night-${Date.now().toString(36)}.jpg`;
    const shipped = demoCreativeFile('nova/keys.jpg');
    await uploadApprovedCreative(brand, new File([await shipped.arrayBuffer()], creativeName, { type: shipped.type }));

    // The brand: the six-step wizard, then submit for review.
    const brandPage = await browser.newPage();
    await signInWithPassword(brandPage, brand.email, brand.password);
    await brandPage.waitForURL(`${urls.brand}/**`);
    await brandPage.goto(`${urls.brand}/campaigns/new`);
    await brandPage.getByLabel('Title').fill(title);
    await brandPage.getByLabel('Description').fill('Sponsor the scariest moment of your stream with Nova gear.');
    await brandPage.getByText('Horror', { exact: true }).click();
    await next(brandPage);
    await brandPage.getByRole('tab', { name: 'Choose from your uploads' }).click();
    await brandPage.getByTestId('creative-library-item').filter({ hasText: creativeName }).click();
    expect(await textOf(brandPage.getByTestId('chosen-creative'))).toContain(creativeName);
    expect(await textOf(brandPage.getByTestId('chosen-creative').getByTestId('creative-moderation'))).toBe('Approved');
    await brandPage.getByLabel('Click-through link').fill('https://nova-peripherals.example/horror');
    await next(brandPage);
    await next(brandPage); // targeting: any language, worldwide, any size
    await brandPage.getByLabel('Rate (USD)').fill('12');
    await brandPage.getByLabel('Total budget (USD)').fill('1500');
    await next(brandPage);
    // Starts in a minute or two: the start job launches it once the admin has approved it.
    const startsAt = new Date(Date.now() + 120_000);
    await brandPage.getByLabel('Starts').fill(localInputValue(startsAt));
    await next(brandPage);
    await screenshot(brandPage, 'brand-campaign-review');
    await brandPage.getByTestId('campaign-save').click();
    await brandPage.waitForURL(/\/campaigns\/[0-9a-f-]{36}/);
    const campaignId = /\/campaigns\/([0-9a-f-]{36})/.exec(brandPage.url())![1]!;
    expect(await textOf(brandPage.getByTestId('campaign-status'))).toBe('Draft');
    await brandPage.getByTestId('campaign-action-submit').click();
    await expect.poll(() => textOf(brandPage.getByTestId('campaign-status'))).toBe('In review');

    // Approval reserves the budget: the brand pays for it by card first (Checkout on the local Stripe).
    await topUpByCard(await apiAs(brand), inject('stripeUrl'), 150_000);

    // The admin approves through the API (the admin portal's review queue comes later).
    await (await apiAsAdmin(demoAdmin)).campaign.approve.mutate({ campaignId });

    // A new streamer: Twitch sign-in, onboarding with the Twitch channel connected.
    const streamerPage = await browser.newPage();
    await signInWithTwitch(streamerPage, `${channel}@example.test`);
    await streamerPage.goto(`${urls.streamer}/onboarding`);
    await streamerPage.getByTestId('connect-twitch').click();
    // The Twitch API stand-in lists its channels; a new one is created by name.
    await streamerPage.getByLabel('Another login').fill(channel);
    await streamerPage.getByRole('button', { name: 'Authorize' }).click();
    await streamerPage.waitForURL(`${urls.streamer}/onboarding**`);
    await streamerPage.getByTestId('onboarding-next').click();
    await streamerPage.getByLabel('Main category').selectOption('horror');
    await streamerPage.getByLabel('Stream language').selectOption('en');
    await streamerPage.getByLabel('Content rating').selectOption('mature');
    await streamerPage.getByTestId('onboarding-next').click();
    await streamerPage.getByLabel('Country').selectOption('GB');
    await streamerPage.getByTestId('onboarding-next').click();
    await streamerPage.getByTestId('onboarding-submit').click();
    await streamerPage.waitForURL((url) => !url.pathname.startsWith('/onboarding'));

    // The marketplace shows the campaign once its start has come.
    const card = streamerPage.locator(`[data-testid="marketplace-campaign"][data-campaign-id="${campaignId}"]`);
    await expect
      .poll(
        async () => {
          await streamerPage.goto(`${urls.streamer}/marketplace?category=horror`);
          return card.count();
        },
        { timeout: 180_000, interval: 3_000 },
      )
      .toBe(1);
    await card.waitFor();
    await screenshot(streamerPage, 'streamer-marketplace');
    await card.getByRole('link').first().click();
    await streamerPage.waitForURL(`${urls.streamer}/marketplace/${campaignId}`);
    await streamerPage.getByTestId('join-button').click();
    await expect
      .poll(() => streamerPage.getByTestId('participation-state').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('active');
    await screenshot(streamerPage, 'streamer-joined');

    // The brand sees the streamer on its campaign.
    await brandPage.goto(`${urls.brand}/campaigns/${campaignId}`);
    const participant = brandPage.getByTestId('participant-row');
    expect(await textOf(participant)).toContain(channel);
    await screenshot(brandPage, 'brand-campaign-participants');
    await brandPage.close();
    await streamerPage.close();
  }, 360_000);
});
