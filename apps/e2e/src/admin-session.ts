import type { Browser, Page } from 'playwright-core';
import { signInWithPassword, urls } from './browser';

/** The demo super admin the platform seeds. */
export const demoAdmin = { email: 'admin@demo.gametriggers.dev', password: 'DemoAdmin!2026' };

/**
 * A page signed in to the admin portal as `admin`. Every admin sign-in in the browser tests goes
 * through here, so a change to how admins sign in (a second factor) is made in one place.
 */
export async function signedInAdmin(browser: Browser, admin: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInWithPassword(page, admin.email, admin.password);
  await page.waitForURL(`${urls.admin}/**`);
  return page;
}
