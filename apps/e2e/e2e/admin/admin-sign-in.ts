import type { Page } from 'playwright-core';
import { signInWithPassword, urls } from '../../src/browser';

/** The demo super admin, seeded by the platform like `pnpm dev` does. */
export const demoAdmin = { email: 'admin@demo.gametriggers.dev', password: 'DemoAdmin!2026' };

/** Signs the demo super admin in to the admin portal: every admin browser test goes through here. */
export async function signInAsAdmin(page: Page) {
  await signInWithPassword(page, demoAdmin.email, demoAdmin.password);
  await page.waitForURL(`${urls.admin}/**`);
}
