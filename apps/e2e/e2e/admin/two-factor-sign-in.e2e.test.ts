import { createApiClient } from '@gametriggers/api';
import { signInAdminWithTotp } from '@gametriggers/testing';
import { totpCode } from '@gametriggers/tokens/totp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAsAdmin, demoAdmin, gatewayUrl } from '../../src/api';
import {
  alertText,
  launchBrowser,
  screenshot,
  signInAsAdmin,
  signInWithPassword,
  signOut,
  textOf,
  uniqueEmail,
  urls,
} from '../../src/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('admin two-factor sign-in', () => {
  it('a new admin enrols (QR code), signs out, signs in with a code; a recovery code works once', async () => {
    const admin = { email: uniqueEmail('new-admin'), password: 'a strong admin password' };
    await (
      await apiAsAdmin(demoAdmin)
    ).identity.admin.create.mutate({
      ...admin,
      username: admin.email.split('@')[0] ?? 'new-admin',
      firstName: 'Nora',
      lastName: 'New',
      adminRole: 'moderator',
    });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInWithPassword(page, admin.email, admin.password);
    await page.getByTestId('totp-qr').waitFor();
    await screenshot(page, 'admin-enrol-qr');
    const totpSecret = await textOf(page.getByTestId('totp-secret'));
    await page.getByTestId('enrolment-code').fill(totpCode(totpSecret, new Date()));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes =
      (await textOf(page.getByTestId('recovery-codes'))).match(/[a-z2-7]{5}-[a-z2-7]{5}/g) ?? [];
    expect(codes).toHaveLength(10);
    await screenshot(page, 'admin-recovery-codes');
    await page.getByRole('button', { name: 'I saved them, continue' }).click();
    await page.waitForURL(`${urls.admin}/**`);
    await page.getByRole('button', { name: 'Open the profile menu' }).click();
    expect(await textOf(page.getByRole('menu'))).toContain(admin.email);
    await page.keyboard.press('Escape');
    await signOut(page);

    // The enrolment code was this step's: signInAsAdmin waits for the next one.
    await signInAsAdmin(page, { ...admin, totpSecret });
    await page.waitForURL(`${urls.admin}/**`);
    await signOut(page);

    const recovery = codes[0] ?? '';
    for (const outcome of ['signed-in', 'refused'] as const) {
      await signInWithPassword(page, admin.email, admin.password);
      await page.getByTestId('second-factor-code').fill(recovery);
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      if (outcome === 'signed-in') {
        await page.waitForURL(`${urls.admin}/**`);
        await signOut(page);
      } else {
        expect(await alertText(page)).toMatch(/not right/);
      }
    }
    await page.close();
  });

  it('the demo super admin signs in through the API with its development secret', async () => {
    const tokens = await signInAdminWithTotp(createApiClient({ gatewayUrl }), demoAdmin);
    expect(tokens.user).toMatchObject({ email: demoAdmin.email, adminRole: 'super_admin' });
  });
});
