import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { spendFreshTotpCode } from '@gametriggers/testing';
import type { AdminCredentials } from '@gametriggers/testing';
import { expect, inject } from 'vitest';
import { demoAdmin } from './api';

export const urls = {
  landing: 'http://localhost:3000',
  brand: 'http://localhost:3001',
  streamer: 'http://localhost:3002',
  admin: 'http://localhost:3003',
};

const screenshots = path.resolve(import.meta.dirname, '..', 'screenshots');

/** Debian's Chromium, never a downloaded one. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshots, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Screenshots a page at desktop and phone widths, checking that nothing sticks out sideways on either. */
export async function atBothWidths(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    // The screenshot first, so a page that sticks out leaves the picture of it.
    await screenshot(page, `${name}-${width}`);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`.slice(0, 160)),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px (sticking out: ${wide.join(' | ')})`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

export function uniqueEmail(label: string) {
  return `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 7)}@example.com`;
}

/** Waits for the element, then reads its text. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ timeout: 30_000 });
  return (await locator.first().textContent())?.trim() ?? '';
}

/** Signs in on the landing page with email and password. */
export async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto(`${urls.landing}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Signs an enrolled admin in on the landing page: password, then an authenticator code not used
 * yet (a code is good once, and this admin may have just signed in elsewhere).
 */
export async function signInAsAdmin(page: Page, admin: AdminCredentials) {
  await signInWithPassword(page, admin.email, admin.password);
  const codeField = page.getByTestId('second-factor-code');
  await codeField.waitFor();
  await spendFreshTotpCode(admin.totpSecret, async (code) => {
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    const outcome = await Promise.race([
      page
        .waitForURL((url) => !url.pathname.startsWith('/sign-in'))
        .then(() => 'signed-in' as const),
      alertText(page),
    ]);
    if (outcome === 'signed-in') return outcome;
    if (/already used/.test(outcome)) return 'replayed';
    throw new Error(`Admin sign-in refused: ${outcome}`);
  });
}

/**
 * A browser context signed in as this admin: its pages share the session, so a spec file spends one
 * authenticator code however many admin pages it opens.
 */
export async function signedInAdminContext(
  browser: Browser,
  admin: AdminCredentials = demoAdmin,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInAsAdmin(page, admin);
  await page.waitForURL(`${urls.admin}/**`);
  await page.close();
  return context;
}

/**
 * Opens the dialog behind a confirming button (`ReasonConfirm`) and returns it. A click that lands
 * before the page has hydrated does nothing, so it clicks until the dialog shows.
 */
export async function openDialog(page: Page, testId: string): Promise<Locator> {
  const dialog = page.getByTestId(`${testId}-dialog`);
  await expect
    .poll(
      async () => {
        if (!(await dialog.isVisible())) await page.getByTestId(testId).click();
        return dialog.isVisible();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  return dialog;
}

/** Signs out through the shell's profile menu and waits for the landing page. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Open the profile menu' }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${urls.landing}/**`);
}

/** The page's error message (Next's route announcer is an empty `alert` too, so skip it). */
export function alertText(page: Page): Promise<string> {
  return textOf(page.getByRole('alert').filter({ hasText: /\S/ }));
}

/**
 * Signs in with Twitch on the landing page through the OpenID stand-in (any login and password
 * work there; a first sign-in asks for consent) and waits for the streamer portal.
 */
export async function signInWithTwitch(page: Page, login: string) {
  await page.goto(`${urls.landing}/sign-in`);
  await page.getByRole('button', { name: 'Continue with Twitch' }).click();
  await page.waitForURL(`${inject('twitchIssuer')}/interaction/**`);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'anything');
  await page.locator('button[type="submit"]').click();
  const consent = page.getByRole('button', { name: 'Continue' });
  await Promise.race([page.waitForURL(`${urls.streamer}/**`), consent.waitFor()]);
  if (page.url().startsWith(inject('twitchIssuer'))) await consent.click();
  await page.waitForURL(`${urls.streamer}/**`);
}

/**
 * Gives a file to a portal's upload drop zone (`AssetUpload`: the same input a click opens) and
 * waits until the upload has gone through and the asset service has judged its bytes: `ready`, or
 * `refused` (its reason shown).
 */
export async function uploadInDropZone(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
  { endpoint = 'campaignCreative', outcome = 'ready' }: { endpoint?: string; outcome?: 'ready' | 'refused' } = {},
) {
  const zone = page.locator(`[data-upload-step]:has([data-testid="upload-input-${endpoint}"])`);
  await page.getByTestId(`upload-input-${endpoint}`).setInputFiles(file);
  await expect.poll(() => zone.getAttribute('data-upload-step'), { timeout: 60_000 }).toBe(outcome);
  return zone;
}
