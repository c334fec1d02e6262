import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser, screenshot, signInWithPassword, textOf, urls } from '../../src/browser';

// A verified demo brand no other browser test signs in as (its session is ended on purpose here).
const brand = { email: 'lumen@demo.gametriggers.dev', password: 'DemoPassword!2026' };
const SESSION_COOKIE = 'gt.session-token';

/** Access tokens live seconds in the browser tests (see the global setup). */
const tokenLifetimeMs = inject('accessTokenTtlSeconds') * 1000;
/** Long enough for the access token in the cookie to have expired. */
const untilExpired = () => new Promise((resolve) => setTimeout(resolve, tokenLifetimeMs + 1_000));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

async function sessionCookie(context: BrowserContext) {
  const cookies = await context.cookies(urls.brand);
  return cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}

/** A server-rendered list: the campaigns load, never the error card. */
async function campaignsLoad(page: Page) {
  await page.goto(`${urls.brand}/campaigns`);
  expect(page.url()).toBe(`${urls.brand}/campaigns`);
  expect(await page.getByTestId('campaign-row').count()).toBeGreaterThan(0);
  expect(await page.getByText('Lumen Crunch Break').count()).toBe(1);
  expect(await page.getByText(/Something went wrong|could not be loaded/).count()).toBe(0);
}

/** A client-side call (a server action) from a page that has been open since before the expiry. */
async function savesContactPerson(page: Page) {
  await page.getByTestId('edit-contactPerson').click();
  await page.getByTestId('save-contactPerson').click();
  await page.getByText('Saved.').waitFor({ timeout: 30_000 });
  expect(await page.getByText(/Something went wrong/).count()).toBe(0);
}

async function profileLoads(page: Page) {
  await page.goto(`${urls.brand}/profile`);
  await page.getByTestId('edit-contactPerson').waitFor({ timeout: 30_000 });
  expect(await page.getByText(/Something went wrong|could not be loaded/).count()).toBe(0);
}

describe('a portal kept open for longer than the access token lives', () => {
  it('stays signed in across several expiries in two tabs and portals, then signs in again when the session ends', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await signInWithPassword(first, brand.email, brand.password);
    await first.waitForURL(`${urls.brand}/**`);
    const second = await context.newPage();
    await profileLoads(second);
    await campaignsLoad(first);
    const cookies = new Set([await sessionCookie(context)]);

    // Expiry 1: both tabs at once (one server render, one server action): both refresh the same
    // refresh token, which identity must not take for theft.
    await untilExpired();
    await Promise.all([campaignsLoad(first), savesContactPerson(second)]);
    cookies.add(await sessionCookie(context));

    // Expiry 2: the brand portal and the landing site (another portal on the same cookie) at once;
    // the landing's session endpoint refreshes through next-auth's own route.
    await untilExpired();
    const [, landingSession] = await Promise.all([
      profileLoads(second),
      first
        .goto(`${urls.landing}/api/auth/session`)
        .then((response) => response?.json() as Promise<unknown>),
    ]);
    expect(landingSession).toMatchObject({ user: { email: brand.email, role: 'brand' } });
    cookies.add(await sessionCookie(context));

    // Expiry 3: a server action in a tab that sat still, and a render in the other.
    await untilExpired();
    await Promise.all([savesContactPerson(second), campaignsLoad(first)]);
    cookies.add(await sessionCookie(context));

    // Each expiry rotated the session, and it is still good: no reuse was detected.
    expect(cookies.size).toBeGreaterThanOrEqual(4);
    await campaignsLoad(first);
    await screenshot(first, 'long-lived-session-campaigns');

    // The session ends elsewhere: the same session signs out in another browser window.
    const elsewhere = await browser.newContext();
    await elsewhere.addCookies(await context.cookies());
    const other = await elsewhere.newPage();
    await other.goto(`${urls.brand}/campaigns`);
    // next-auth's own sign-out page (the shell's button sits in the profile menu).
    await other.goto(`${urls.brand}/api/auth/signout`);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await other.waitForURL(`${urls.landing}/**`);
    await elsewhere.close();

    // Once the access token has expired, each tab is sent to sign in, never to an error, and
    // comes back where it was.
    await untilExpired();
    await second.getByTestId('edit-contactPerson').click();
    await second.getByTestId('save-contactPerson').click();
    await second.waitForURL(`${urls.landing}/sign-in**`);
    expect(new URL(second.url()).searchParams.get('callbackUrl')).toBe(`${urls.brand}/profile`);

    await first.goto(`${urls.brand}/campaigns?status=active`);
    await first.waitForURL(`${urls.landing}/sign-in**`);
    expect(new URL(first.url()).searchParams.get('callbackUrl')).toBe(
      `${urls.brand}/campaigns?status=active`,
    );
    await screenshot(first, 'long-lived-session-signed-out');
    await first.fill('#email', brand.email);
    await first.fill('#password', brand.password);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await first.waitForURL(`${urls.brand}/campaigns?status=active`);
    expect(await textOf(first.getByTestId('campaign-row-status'))).toBeTruthy();
    await context.close();
  });
});
