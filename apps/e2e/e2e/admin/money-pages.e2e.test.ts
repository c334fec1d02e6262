import { formatCents } from '@gametriggers/contracts';
import { createApiClient } from '@gametriggers/api';
import { enrolAdmin } from '@gametriggers/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, apiAsAdmin, demoAdmin, gatewayUrl } from '../../src/api';
import {
  atBothWidths,
  launchBrowser,
  openDialog,
  signedInAdminContext,
  textOf,
  uniqueEmail,
  urls,
} from '../../src/browser';

const brand = { email: 'brand@demo.gametriggers.dev', password: 'DemoBrand!2026' };
const ADJUSTMENT_CENTS = 1_234;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const centsOf = (text: string) => Math.round(Number(text.replace(/[^0-9.-]/g, '')) * 100);

async function adjust(page: Page, direction: 'credit' | 'debit', amountCents: number, reason: string) {
  const dialog = await openDialog(page, 'adjust');
  await dialog.locator('#adjust-direction').selectOption(direction);
  await dialog.locator('#adjust-amount').fill((amountCents / 100).toFixed(2));
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByTestId('adjust-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('the admin Money pages', () => {
  it('refuse a moderator: no Money in the nav, a refusal page, and the API says no', async () => {
    const person = { email: uniqueEmail('moderator'), password: 'Moderator!2026-pages' };
    await (await apiAsAdmin(demoAdmin)).identity.admin.create.mutate({
      ...person,
      username: `mod${Date.now().toString(36)}`,
      firstName: 'Mo',
      lastName: 'Derator',
      adminRole: 'moderator',
    });
    const { totpSecret } = await enrolAdmin(createApiClient({ gatewayUrl }), person);
    const moderator = { ...person, totpSecret };
    const context = await signedInAdminContext(browser, moderator);
    const page = await context.newPage();
    await page.goto(`${urls.admin}/`);
    await page.getByRole('navigation').first().waitFor();
    expect(await page.getByRole('link', { name: 'Money', exact: true }).count()).toBe(0);

    await page.goto(`${urls.admin}/money`);
    await page.getByTestId('forbidden').waitFor();
    expect(await textOf(page.getByTestId('forbidden'))).toContain('canViewFinancials');
    await page.goto(`${urls.admin}/money/reports`);
    await page.getByTestId('forbidden').waitFor();

    const refused = await (await apiAsAdmin(moderator)).payment.admin.wallets.list.query({}).then(
      () => 'answered',
      (error: { data?: { code?: string } }) => error.data?.code,
    );
    expect(refused).toBe('FORBIDDEN');
    await context.close();
  });

  it("an admin adjusts a brand's wallet and sees the balance change", async () => {
    const brandId = (await (await apiAs(brand)).identity.me.query()).id;
    const context = await signedInAdminContext(browser);
    const page = await context.newPage();
    await page.goto(`${urls.admin}/`);
    await page.getByRole('link', { name: 'Money', exact: true }).first().click();
    await page.waitForURL(`${urls.admin}/money`);
    await page.getByTestId('wallet-row').first().waitFor();
    await atBothWidths(page, 'admin-money-wallets');

    await page.goto(`${urls.admin}/money/wallets/brand/${brandId}`);
    const before = centsOf(await textOf(page.getByTestId('account-available')));
    await adjust(page, 'credit', ADJUSTMENT_CENTS, 'Goodwill credit (browser test)');
    await expect
      .poll(async () => centsOf(await textOf(page.getByTestId('account-available'))))
      .toBe(before + ADJUSTMENT_CENTS);
    expect(await textOf(page.getByTestId('account-entry'))).toContain(formatCents(ADJUSTMENT_CENTS));
    await atBothWidths(page, 'admin-money-account');

    // A debit of more than there is is refused in the dialog; taking the credit back works.
    const dialog = await openDialog(page, 'adjust');
    await dialog.locator('#adjust-direction').selectOption('debit');
    await dialog.locator('#adjust-amount').fill(((before + ADJUSTMENT_CENTS + 100) / 100).toFixed(2));
    await dialog.getByLabel('Reason').fill('Too much (browser test)');
    await dialog.getByTestId('adjust-confirm').click();
    expect(await textOf(dialog.getByRole('alert'))).toContain('below zero');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await adjust(page, 'debit', ADJUSTMENT_CENTS, 'Taking the goodwill credit back (browser test)');
    await expect.poll(async () => centsOf(await textOf(page.getByTestId('account-available')))).toBe(before);

    for (const section of ['withdrawals', 'reconciliation', 'reports']) {
      await page.goto(`${urls.admin}/money/${section}`);
      await page.getByRole('heading', { name: 'Money', exact: true }).waitFor();
      await atBothWidths(page, `admin-money-${section}`);
    }
    await page.getByTestId('financial-report').waitFor();
    expect(centsOf(await textOf(page.getByTestId('total-deposits')))).toBeGreaterThan(0);
    await context.close();
  });
});
