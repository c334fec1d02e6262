import { createApiClient } from '@gametriggers/api';
import { createMailboxClient } from '@gametriggers/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gatewayUrl } from '../../src/api';
import {
  atBothWidths,
  launchBrowser,
  signInWithPassword,
  signOut,
  textOf,
  uniqueEmail,
  urls,
} from '../../src/browser';

/** Access tokens live seconds in the browser tests (see the global setup). */
const tokenLifetimeMs = inject('accessTokenTtlSeconds') * 1000;
/** Long enough for an access token in a session cookie to have expired. */
const untilExpired = () => new Promise((resolve) => setTimeout(resolve, tokenLifetimeMs + 1_000));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** A brand of its own (its password changes here): signed up and confirmed through the API. */
async function freshBrand() {
  const person = { email: uniqueEmail('settings'), password: 'a strong password 1' };
  const api = createApiClient({ gatewayUrl });
  await api.identity.register.mutate({ ...person, role: 'brand', name: 'Settings Co' });
  const mail = await createMailboxClient(inject('mailboxUrl')).waitForMessage({
    to: person.email,
    subject: /confirm your email/i,
  });
  const token = /token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
  await api.identity.verifyEmail.mutate({ token });
  return person;
}

async function openSettings(page: Page) {
  await page.goto(`${urls.brand}/settings`);
  await page.getByTestId('settings-email').waitFor({ timeout: 30_000 });
}

async function fillPasswordForm(page: Page, fields: [string, string, string]) {
  await page.fill('#current-password', fields[0]);
  await page.fill('#new-password', fields[1]);
  await page.fill('#confirm-password', fields[2]);
  await page.getByTestId('change-password').click();
}

describe('account settings in the brand portal', () => {
  it('changes the password, signs in with the new one and signs out the other devices', async () => {
    const brand = await freshBrand();
    const newPassword = 'a fresh passphrase 2';

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInWithPassword(page, brand.email, brand.password);
    await page.waitForURL(`${urls.brand}/**`);

    // Settings is in the navigation, and it is a real page.
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.waitForURL(`${urls.brand}/settings`);
    expect(await textOf(page.getByTestId('settings-email'))).toBe(brand.email);
    expect(await page.getByText(/coming soon/i).count()).toBe(0);
    await atBothWidths(page, 'brand-settings');

    // Each mistake is shown at its field, and nothing changes.
    await fillPasswordForm(page, [brand.password, newPassword, 'not the same one']);
    expect(await textOf(page.locator('#confirm-password-error'))).toBe(
      'Type the same new password again.',
    );
    await fillPasswordForm(page, [brand.password, 'short', 'short']);
    expect(await textOf(page.locator('#new-password-error'))).toBe(
      'Use at least 10 characters for your password.',
    );
    await fillPasswordForm(page, ['not my password', newPassword, newPassword]);
    expect(await textOf(page.locator('#current-password-error'))).toMatch(
      /current password is not right/,
    );
    await atBothWidths(page, 'brand-settings-password-errors');

    await fillPasswordForm(page, [brand.password, newPassword, newPassword]);
    expect(await textOf(page.getByTestId('password-changed'))).toContain(
      'Your password is changed',
    );
    await atBothWidths(page, 'brand-settings-password-changed');

    // The old password no longer signs in; the new one does.
    await signOut(page);
    await signInWithPassword(page, brand.email, brand.password);
    expect(await textOf(page.getByRole('alert').filter({ hasText: /\S/ }))).toMatch(/incorrect/);
    await signInWithPassword(page, brand.email, newPassword);
    await page.waitForURL(`${urls.brand}/**`);

    // A second device, signed in before the first signs the others out.
    const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const otherPage = await other.newPage();
    await signInWithPassword(otherPage, brand.email, newPassword);
    await otherPage.waitForURL(`${urls.brand}/**`);

    await openSettings(page);
    expect(await textOf(page.getByTestId('other-sessions'))).toContain('1 other session');
    await page.getByTestId('sign-out-others').click();
    await page.getByTestId('confirm-sign-out-others').waitFor();
    await atBothWidths(page, 'brand-settings-confirm-sign-out-others');
    await page.getByTestId('confirm-sign-out-others-button').click();
    expect(await textOf(page.getByTestId('other-devices-signed-out'))).toContain(
      'ended 1 other session',
    );
    // The page shows the sessions anew once the action has revalidated it.
    await expect
      .poll(() => page.getByTestId('other-sessions').textContent())
      .toContain('Only this browser is signed in');

    // The other device's session has ended: its next page (once its short-lived access token
    // needs a refresh) is the sign-in page. This one stays signed in.
    await untilExpired();
    await otherPage.goto(`${urls.brand}/campaigns`);
    await otherPage.waitForURL(`${urls.landing}/sign-in**`);
    await openSettings(page);
    expect(page.url()).toBe(`${urls.brand}/settings`);

    await other.close();
    await context.close();
  });
});
