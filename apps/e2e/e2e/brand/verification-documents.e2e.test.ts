import { createApiClient } from '@gametriggers/api';
import { onePagePdf } from '@gametriggers/devstack';
import { createMailboxClient } from '@gametriggers/testing';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, gatewayUrl } from '../../src/api';
import {
  atBothWidths,
  launchBrowser,
  signInWithPassword,
  signedInAdminContext,
  textOf,
  uniqueEmail,
  urls,
} from '../../src/browser';

let browser: Browser;
let admin: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedInAdminContext(browser);
});
afterAll(() => browser.close());

const password = 'a strong password 1';

/** A brand signed up, confirmed and onboarded through the API, not yet asking for verification. */
async function onboardedBrand(companyName: string) {
  const email = uniqueEmail('documents');
  const anonymous = createApiClient({ gatewayUrl });
  await anonymous.identity.register.mutate({ email, password, name: companyName, role: 'brand' });
  const mail = await createMailboxClient(inject('mailboxUrl')).waitForMessage({ to: email, subject: /confirm your email/i });
  await anonymous.identity.verifyEmail.mutate({ token: /verify-email\?token=([\w-]+)/.exec(mail.text)?.[1] ?? '' });
  const api = await apiAs({ email, password });
  const profile = await api.brand.onboard.mutate({
    companyInfo: { name: companyName, industry: 'Board games', size: 'small' },
    contactPerson: { name: 'Dora Dice', position: 'Founder' },
    preferences: {
      targetAudience: ['tabletop fans'],
      contentCategories: ['strategy'],
      budgetRange: { minCents: 100_000, maxCents: 1_000_000 },
      regions: ['US'],
    },
    billingInfo: {
      address: { line1: '3 Dice Lane', city: 'Boston', postalCode: '02108', country: 'US' },
      currency: 'USD',
    },
  });
  return { email, brandId: profile.id };
}

/** Chooses a file in a document row's drop zone, as a person picking it from their disk. */
async function chooseFile(row: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
  await row.getByTestId('upload-input-verificationDocument').setInputFiles(file);
}

const uploadStep = (row: Locator) => row.locator('[data-upload-step]').getAttribute('data-upload-step');

describe('verification documents', () => {
  it('a brand uploads its certificate in the verification form; the admin opens it from the review through a signed URL', async () => {
    const companyName = `Dice Works ${Date.now().toString(36)}`;
    const certificate = onePagePdf('Certificate of incorporation', [`This certifies that ${companyName} is incorporated.`]);
    const brand = await onboardedBrand(companyName);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signInWithPassword(page, brand.email, password);
    await page.waitForURL(`${urls.brand}/**`);
    await page.goto(`${urls.brand}/profile#verification`);
    const form = page.getByTestId('verification-request-form');
    await form.waitFor();

    // Sending with nothing uploaded says what is missing, beside the document.
    await form.getByTestId('submit-verification').click();
    await expect.poll(() => textOf(form.getByTestId('document-row').first())).toContain('Upload the file, or remove this document.');

    // The first document: the certificate, checked by the asset service.
    const first = form.getByTestId('document-row').nth(0);
    await first.getByLabel('Document 1', { exact: true }).selectOption('registration');
    await chooseFile(first, { name: 'Certificate of incorporation.pdf', mimeType: 'application/pdf', buffer: certificate });
    await expect.poll(() => uploadStep(first), { timeout: 60_000 }).toBe('ready');
    expect(await textOf(first)).toContain('Certificate of incorporation.pdf is uploaded and checked.');

    // A second one whose bytes are not a PDF: refused with the check's reason, then removed.
    await form.getByTestId('add-document').click();
    const second = form.getByTestId('document-row').nth(1);
    await second.getByLabel('Document 2', { exact: true }).selectOption('tax');
    await chooseFile(second, { name: 'Tax letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a PDF') });
    await expect.poll(() => uploadStep(second), { timeout: 60_000 }).toBe('refused');
    expect(await textOf(second)).toContain('Tax letter.pdf was refused.');
    await atBothWidths(page, 'brand-verification-documents-form');
    await second.getByTestId('remove-document').click();
    await expect.poll(() => form.getByTestId('document-row').count()).toBe(1);

    await form.getByLabel('Note for the reviewer (optional)').fill('Registered in Massachusetts.');
    await form.getByTestId('submit-verification').click();
    await page.getByTestId('verification-pending').waitFor({ timeout: 30_000 });
    const history = page.getByTestId('verification-history-item').first();
    expect(await textOf(history)).toContain('Certificate of incorporation.pdf');
    // The brand opens its own document the same way: through its portal, to a fresh signed URL.
    expect(await history.getByTestId('own-document').getAttribute('href')).toMatch(/^\/files\/[0-9a-f-]{36}$/);
    await atBothWidths(page, 'brand-verification-documents-sent');
    await page.close();

    // The admin's review shows the document and opens it in a new tab.
    const review = await admin.newPage();
    await review.goto(`${urls.admin}/verifications/brands/${brand.brandId}`);
    const documents = review.getByTestId('latest-documents');
    expect(await textOf(documents)).toContain('Certificate of incorporation.pdf');
    const link = documents.getByTestId('open-document');
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);
    await atBothWidths(review, 'admin-verification-documents');

    // The new tab goes through the portal to the store, on a signed, expiring URL, and gets the PDF.
    const signedResponse = admin.waitForEvent('response', (response) => /[?&]signature=/.test(response.url()));
    const [opened] = await Promise.all([admin.waitForEvent('page'), link.click()]);
    const served = await signedResponse;
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toContain('application/pdf');
    expect(new URL(served.url()).searchParams.get('expires')).toMatch(/^\d+$/);
    await opened.close();

    // The same address, asked again: the bytes the brand uploaded.
    const file = await admin.request.get(`${urls.admin}${href}`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(certificate)).toBe(true);
    // Without the admin's session the portal hands out no signed URL.
    const stranger = await browser.newContext();
    const refused = await stranger.request.get(`${urls.admin}${href}`, { maxRedirects: 0 });
    expect(refused.status()).not.toBe(200);
    expect(refused.headers().location ?? '').not.toMatch(/signature=/);
    await stranger.close();
    await review.close();
  });

  it('a streamer sends an identity document with their verification request; the admin opens it from the streamer review', async () => {
    const kai = { email: 'kai@demo.gametriggers.dev', password: 'DemoPassword!2026' };
    const passport = onePagePdf('Passport', ['Kai Demo, holder of this made-up passport.']);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInWithPassword(page, kai.email, kai.password);
    await page.waitForURL(`${urls.streamer}/**`);
    await page.goto(`${urls.streamer}/profile`);
    const section = page.getByTestId('streamer-verification');
    const documents = section.getByTestId('kyc-documents');
    await documents.waitFor();
    // Optional: no row until the streamer adds one.
    expect(await documents.getByTestId('document-row').count()).toBe(0);
    await documents.getByTestId('add-document').click();
    const row = documents.getByTestId('document-row').first();
    await row.getByLabel('Document 1', { exact: true }).selectOption('identity');
    await row.getByTestId('upload-input-kycDocument').setInputFiles({ name: 'Passport.pdf', mimeType: 'application/pdf', buffer: passport });
    await expect.poll(() => uploadStep(row), { timeout: 60_000 }).toBe('ready');
    await atBothWidths(page, 'streamer-verification-documents-form');
    await section.getByTestId('request-verification').click();
    await expect.poll(() => textOf(section.getByTestId('verification-status'))).toBe('In review');
    await page.close();

    const me = await (await apiAs(kai)).streamer.me.query();
    const review = await admin.newPage();
    await review.goto(`${urls.admin}/verifications/streamers/${me!.streamerId}`);
    const sent = review.getByTestId('kyc-documents');
    expect(await textOf(sent)).toContain('Passport.pdf');
    expect(await textOf(sent)).toContain('Identity document');
    const href = (await sent.getByTestId('open-document').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);
    await atBothWidths(review, 'admin-streamer-verification-documents');
    const file = await admin.request.get(`${urls.admin}${href}`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(passport)).toBe(true);
    await review.close();
  });
});
