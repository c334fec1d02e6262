import path from 'node:path';
import { DEMO_CREATIVES_DIR } from '@gametriggers/devstack';
import { createMailboxClient } from '@gametriggers/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  signInAsAdmin,
  signInWithPassword,
  textOf,
  uniqueEmail,
  urls,
  uploadInDropZone,
} from '../../src/browser';
import { demoAdmin } from '../../src/api';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const password = 'a strong password 1';

/** A brand as a person makes one: sign-up on the landing site, the emailed link, sign-in. */
async function signUpBrand(page: Page, companyName: string) {
  const email = uniqueEmail('newbrand');
  await page.goto(`${urls.landing}/sign-up`);
  await page.getByText("I'm a brand").click();
  await page.fill('#name', companyName);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('check-email').waitFor();
  const mail = await createMailboxClient(inject('mailboxUrl')).waitForMessage({
    to: email,
    subject: /confirm your email/i,
  });
  const link = /https?:\/\/\S+verify-email\?token=[\w-]+/.exec(mail.text)?.[0] ?? '';
  await page.goto(link);
  await page.getByRole('link', { name: 'Continue to sign in' }).click();
  await page.locator('#password').waitFor();
  await page.fill('#password', password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${urls.brand}/**`);
  return email;
}

/** Full-page captures at a desktop and a phone width. */
async function screenshotsAtBothWidths(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const stepState = (page: Page, key: string) =>
  page.getByTestId(`setup-step-${key}`).getAttribute('data-state');

async function nextStep(page: Page) {
  await page.getByTestId('wizard-next').click();
}

describe('a new brand finds its way to its first campaign', () => {
  it('follows the checklist from sign-up through onboarding (kept across a reload) to a draft with its reach and the verification requirement', async () => {
    const companyName = `Pixel Forge ${Date.now().toString(36)}`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const email = await signUpBrand(page, companyName);

    // The overview: a checklist from the services' real state.
    expect(await textOf(page.getByTestId('account-email'))).toBe(email);
    await page.getByTestId('setup-checklist').waitFor();
    expect(await stepState(page, 'profile')).toBe('todo');
    expect(await stepState(page, 'verification')).toBe('locked');
    expect(await stepState(page, 'funding')).toBe('todo');
    expect(await stepState(page, 'campaign')).toBe('locked');
    // An empty wallet: approval reserves the budget, so the checklist leads to the top-up form.
    expect(
      await page.getByTestId('setup-step-funding').getByRole('link', { name: 'Top up your wallet' }).getAttribute('href'),
    ).toBe('/billing#top-up');
    expect(await textOf(page.getByTestId('setup-progress'))).toBe('0 of 4 done');
    await screenshotsAtBothWidths(page, 'brand-new-overview');

    // Onboarding starts from the company name given at sign-up.
    await page.getByRole('link', { name: 'Set up your company' }).click();
    await page.waitForURL(`${urls.brand}/onboarding`);
    expect(await page.getByLabel('Company name').inputValue()).toBe(companyName);
    await page.getByLabel('Industry').fill('Gaming peripherals');
    await page.getByLabel('Company size').selectOption('small');
    await page.getByTestId('onboarding-next').click();
    expect(await textOf(page.getByTestId('onboarding-step-title'))).toBe('Contact');
    await page.getByLabel('Contact name').fill('Ada Forge');
    await page.getByLabel('Position').fill('Marketing lead');

    // A reload keeps the step and everything typed.
    await page.reload();
    await page.getByTestId('onboarding-restored').waitFor();
    expect(await textOf(page.getByTestId('onboarding-step-title'))).toBe('Contact');
    expect(await page.getByLabel('Contact name').inputValue()).toBe('Ada Forge');
    expect(await page.getByLabel('Position').inputValue()).toBe('Marketing lead');
    await screenshotsAtBothWidths(page, 'brand-new-onboarding-restored');
    await page.getByTestId('onboarding-back').click();
    expect(await page.getByLabel('Industry').inputValue()).toBe('Gaming peripherals');
    await page.getByTestId('onboarding-next').click();
    await page.getByTestId('onboarding-next').click();

    expect(await textOf(page.getByTestId('onboarding-step-title'))).toBe('Preferences');
    await page.getByText('Shooters', { exact: true }).click();
    await page.getByLabel(/Budget per campaign, from/).fill('500');
    await page.getByLabel(/Budget per campaign, up to/).fill('5000');
    await page.getByText('United States', { exact: true }).click();
    await page.getByTestId('onboarding-next').click();
    expect(await textOf(page.getByTestId('onboarding-step-title'))).toBe('Billing');
    await page.getByLabel('Street address').fill('1 Forge Way');
    await page.getByLabel('City').fill('Austin');
    await page.getByLabel('Postal code').fill('73301');
    await page.getByLabel('Country').selectOption('US');
    await page.getByTestId('onboarding-next').click();
    await page.getByTestId('onboarding-review').waitFor();
    await page.getByTestId('onboarding-next').click();
    await page.waitForURL(`${urls.brand}/profile?welcome=1`);
    // Sent: nothing of the form is left in the tab's storage.
    expect(
      await page.evaluate(() =>
        Object.keys(sessionStorage).filter((key) =>
          key.startsWith('gametriggers.brand-onboarding'),
        ),
      ),
    ).toEqual([]);

    // Back on the overview: the profile is done, verification is next.
    await page.goto(urls.brand);
    expect(await stepState(page, 'profile')).toBe('done');
    expect(await stepState(page, 'verification')).toBe('todo');
    expect(await stepState(page, 'campaign')).toBe('todo');
    expect(await stepState(page, 'funding')).toBe('todo');
    expect(await textOf(page.getByTestId('setup-progress'))).toBe('1 of 4 done');

    // The wizard: the verification requirement before Submit, an honest save state, the reach.
    await page.goto(`${urls.brand}/campaigns/new`);
    expect(await page.getByTestId('verification-requirement').getAttribute('data-status')).toBe(
      'unverified',
    );
    expect(await page.getByTestId('campaign-save-state').getAttribute('data-state')).toBe(
      'unsaved',
    );
    expect(await textOf(page.getByTestId('campaign-save-state'))).toContain('Not saved yet');
    await page.getByLabel('Title').fill(`${companyName} launch`);
    await page
      .getByLabel('Description')
      .fill('Show our new mouse during your most intense rounds.');
    await page.getByText('Shooters', { exact: true }).click();
    await nextStep(page);
    // The creative is uploaded: the drop zone, the asset service's check, then moderation. Without
    // one the step says what it needs.
    await nextStep(page);
    expect(await textOf(page.getByTestId('campaign-wizard'))).toContain('Upload the creative, or choose one of your uploads');
    await uploadInDropZone(page, path.join(DEMO_CREATIVES_DIR, 'nova/aim.jpg'));
    const chosen = page.getByTestId('chosen-creative');
    expect(await textOf(chosen)).toContain('aim.jpg');
    expect(await textOf(chosen.getByTestId('creative-moderation'))).toBe('Waiting for moderation');
    // The overlay preview shows the checked upload as the stream will.
    await expect.poll(() => page.getByTestId('ad-preview-card').getAttribute('data-state')).toBe('creative');
    await page.getByLabel('Alt text (optional)').fill('The Pixel Forge mouse');
    await page.getByLabel('Click-through link').fill('https://pixel-forge.example/mouse');
    await screenshotsAtBothWidths(page, 'brand-new-wizard-creative');
    await nextStep(page);
    await nextStep(page);
    expect(await textOf(page.getByTestId('campaign-reach'))).toContain('Enter a rate and a budget');
    await page.getByLabel('Rate (USD)').fill('15');
    await page.getByLabel('Total budget (USD)').fill('1500');
    expect(await textOf(page.getByTestId('campaign-reach-figure'))).toBe(
      'Up to 100,000 impressions',
    );
    await page.getByLabel('Pricing model').selectOption('cpc');
    await page.getByLabel('Rate (USD)').fill('0.50');
    expect(await textOf(page.getByTestId('campaign-reach-figure'))).toBe('Up to 3,000 clicks');
    await page.getByLabel('Pricing model').selectOption('cpm');
    await page.getByLabel('Rate (USD)').fill('15');
    await screenshotsAtBothWidths(page, 'brand-new-wizard-reach');
    await nextStep(page);
    await nextStep(page);
    await page.getByTestId('campaign-review').waitFor();
    expect(await textOf(page.getByTestId('campaign-reach-figure'))).toBe(
      'Up to 100,000 impressions',
    );
    await page.getByTestId('campaign-save').click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\?saved=created/);
    expect(await textOf(page.getByTestId('campaign-status'))).toBe('Draft');

    // The draft says what submitting needs before the brand reaches its Submit button.
    expect(await page.getByTestId('verification-requirement').getAttribute('data-status')).toBe(
      'unverified',
    );
    await page
      .getByTestId('verification-requirement')
      .getByRole('link', { name: 'Request verification' })
      .waitFor();
    await screenshotsAtBothWidths(page, 'brand-new-draft');

    await page.goto(urls.brand);
    expect(await stepState(page, 'campaign')).toBe('todo');
    expect(await textOf(page.getByTestId('setup-step-campaign-detail'))).toContain(
      'needs a verified company',
    );
    await page
      .getByTestId('setup-step-campaign')
      .getByRole('link', { name: 'Open your drafts' })
      .waitFor();
    await screenshotsAtBothWidths(page, 'brand-new-overview-after-draft');
    await page.close();
  });
});

describe('an address no page answers', () => {
  const accounts = [
    {
      portal: urls.brand,
      email: 'lumen@demo.gametriggers.dev',
      password: 'DemoPassword!2026',
      nav: 'Campaigns',
    },
    {
      portal: urls.streamer,
      email: 'streamer@demo.gametriggers.dev',
      password: 'DemoStreamer!2026',
      nav: 'Marketplace',
    },
    {
      portal: urls.admin,
      email: 'admin@demo.gametriggers.dev',
      password: 'DemoAdmin!2026',
      nav: 'Verifications',
    },
  ];

  it.each(accounts)(
    'shows a not-found page inside the shell of $portal',
    async ({ portal, email, password: secret, nav }) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      if (email === demoAdmin.email) await signInAsAdmin(page, demoAdmin);
      else await signInWithPassword(page, email, secret);
      await page.waitForURL(`${portal}/**`);
      for (const path of ['/no-such-page', '/settings/deeper/still', '/campaigns/x/y/z']) {
        const response = await page.goto(`${portal}${path}`);
        expect(response?.status(), path).toBe(404);
        await page.getByTestId('not-found').waitFor();
        // The shell stays: the portal's navigation is there to go on from.
        await page.getByRole('link', { name: nav }).first().waitFor();
      }
      if (portal === urls.brand) await screenshotsAtBothWidths(page, 'brand-not-found');
      // Every navigation entry is a real page: Settings shows the signed-in account.
      const settings = await page.goto(`${portal}/settings`);
      expect(settings?.status()).toBe(200);
      expect(await textOf(page.getByTestId('settings-email'))).toBe(email);
      expect(await page.getByTestId('not-found').count()).toBe(0);
      await page.close();
    },
  );
});
