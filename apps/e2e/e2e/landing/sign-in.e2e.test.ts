import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alertText,
  launchBrowser,
  screenshot,
  signInAsAdmin,
  signInWithPassword,
  textOf,
  urls,
} from '../../src/browser';
import { demoAdmin } from '../../src/api';

// Seeded by the platform, like `pnpm dev` does.
const streamer = { email: 'streamer@demo.gametriggers.dev', password: 'DemoStreamer!2026' };
const admin = demoAdmin;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('signing in', () => {
  it('shows an error for a wrong password and stays on the page', async () => {
    const page = await browser.newPage();
    await signInWithPassword(page, admin.email, 'not the password');
    expect(await alertText(page)).toBe('Email or password is incorrect.');
    expect(page.url()).toContain('/sign-in');
    await page.close();
  });

  it('locks the account after five wrong passwords and says until when', async () => {
    const page = await browser.newPage();
    // Fable Fitness is the target: a demo brand no other browser test signs in as, so the lock
    // (15 minutes) cannot hold up a test that runs after this one.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signInWithPassword(page, 'fable@demo.gametriggers.dev', `wrong guess ${attempt}`);
      await alertText(page);
    }
    expect(await alertText(page)).toMatch(/locked until/);
    await screenshot(page, 'landing-locked');
    await page.close();
  });

  it('sends an admin to the admin portal, which shows the admin role and permissions', async () => {
    const page = await browser.newPage();
    await signInAsAdmin(page, demoAdmin);
    await page.waitForURL(`${urls.admin}/**`);
    // The admin portal opens on its dashboard; a super admin's navigation opens every page.
    await page.getByTestId('dashboard-stats').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'admin-portal-home');
    await page.close();
  });
});

describe('portals by role', () => {
  it('a streamer who opens the brand portal gets a clear page, not a loop', async () => {
    const page = await browser.newPage();
    await signInWithPassword(page, streamer.email, streamer.password);
    await page.waitForURL(`${urls.streamer}/**`);
    await page.goto(`${urls.brand}/`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('This is the brand portal');
    expect(
      await textOf(page.getByRole('link', { name: 'Go to the streamer portal' })),
    ).toBeTruthy();
    expect(page.url()).toBe(`${urls.brand}/`);
    await screenshot(page, 'brand-wrong-portal');
    await page.close();
  });

  it('a signed-out visitor is sent to sign in and comes back', async () => {
    const page = await browser.newPage();
    await page.goto(`${urls.brand}/campaigns`);
    await page.waitForURL(`${urls.landing}/sign-in**`);
    expect(decodeURIComponent(page.url())).toContain(`callbackUrl=${urls.brand}/campaigns`);
    await page.close();
  });
});
