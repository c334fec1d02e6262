import { createApiClient } from '@gametriggers/api';
import { demoCreativeFile, topUpByCard, uploadCheckedCertificate } from '@gametriggers/devstack';
import { createMailboxClient } from '@gametriggers/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, draftCampaignFields, gatewayUrl, uploadApprovedCreative } from '../../src/api';
import {
  atBothWidths,
  launchBrowser,
  openDialog,
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

/** A new brand, through the API as a person would: signed up, onboarded, verification requested (an uploaded certificate), a draft with an approved creative. */
async function pendingBrandWithDraft(companyName: string) {
  const email = uniqueEmail('pending-brand');
  const anonymous = createApiClient({ gatewayUrl });
  await anonymous.identity.register.mutate({ email, password, name: companyName, role: 'brand' });
  const mail = await createMailboxClient(inject('mailboxUrl')).waitForMessage({ to: email, subject: /confirm your email/i });
  const token = /verify-email\?token=([\w-]+)/.exec(mail.text)?.[1] ?? '';
  await anonymous.identity.verifyEmail.mutate({ token });
  const api = await apiAs({ email, password });
  const profile = await api.brand.onboard.mutate({
    companyInfo: { name: companyName, industry: 'Energy drinks', size: 'small', website: 'https://volt.example' },
    contactPerson: { name: 'Vera Volt', position: 'Founder' },
    preferences: {
      targetAudience: ['gamers 18-34'],
      contentCategories: ['fps'],
      budgetRange: { minCents: 100_000, maxCents: 1_000_000 },
      regions: ['US'],
    },
    billingInfo: {
      address: { line1: '2 Volt Street', city: 'Austin', postalCode: '73301', country: 'US' },
      taxId: 'TAX-VOLT-001',
      currency: 'USD',
    },
  });
  const { accessToken } = await anonymous.identity.login.mutate({ email, password });
  const certificate = await uploadCheckedCertificate({ gatewayUrl, brand: api, accessToken, company: companyName });
  await api.brand.requestVerification.mutate({
    documents: [{ kind: 'registration', assetId: certificate.assetId }],
    note: 'Our registration certificate.',
  });
  // Approved in moderation already: this spec is about the brand's verification and the campaign's review.
  const creative = await uploadApprovedCreative({ email, password }, demoCreativeFile('acme/pop-up.jpg'));
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const campaign = await api.campaign.create.mutate(
    draftCampaignFields(`${companyName} launch`, { assetId: creative.assetId, altText: 'A Volt can' }, {
      description: 'Show the new Volt can between matches; link to the launch offer.',
      clickThroughUrl: 'https://volt.example/launch',
      languages: ['en'],
      regions: ['US'],
      startsAt,
      endsAt: new Date(startsAt.getTime() + 14 * 86_400_000),
      budgetCents: 50_000,
      gkeyCooloffHours: 24,
    }),
  );
  return { api, brandId: profile.id, campaignId: campaign.id };
}

/** The audit log filtered to one subject, reloaded until the action has arrived through the outbox. */
async function auditEntryFor(page: Page, subjectId: string, action: string) {
  const entry = page.locator(`[data-testid="audit-entry"][data-action="${action}"]`);
  await expect
    .poll(
      async () => {
        await page.goto(`${urls.admin}/audit-log?subjectId=${subjectId}`);
        return entry.count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(1);
  return entry;
}

describe('admin portal', () => {
  it('an admin approves a pending brand, its campaign is approved, and both are in the audit log', async () => {
    const companyName = `Volt ${Date.now().toString(36)}`;
    const brand = await pendingBrandWithDraft(companyName);
    const page = await admin.newPage();

    // The queue opens on the brands waiting for review; the new one is there.
    await page.goto(`${urls.admin}/verifications`);
    await page.getByLabel('Company name').fill(companyName);
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('brand-review-link').filter({ hasText: companyName }).click();
    await page.waitForURL(`${urls.admin}/verifications/brands/${brand.brandId}`);
    expect(await textOf(page.getByTestId('brand-status'))).toBe('Waiting for review');
    expect(await textOf(page.getByTestId('latest-documents'))).toContain('Certificate of incorporation.pdf');
    await atBothWidths(page, 'admin-brand-review');

    // Approving asks why and confirms.
    const approve = await openDialog(page, 'approve-brand');
    await approve.getByLabel('Reason').fill('Registration matches the public register.');
    await page.getByTestId('approve-brand-confirm').click();
    await expect.poll(() => textOf(page.getByTestId('brand-status'))).toBe('Verified');
    await atBothWidths(page, 'admin-brand-verified');

    // Verified, the brand submits its campaign and pays for it; the admin approves it from its page.
    await brand.api.campaign.submit.mutate({ campaignId: brand.campaignId });
    await topUpByCard(brand.api, inject('stripeUrl'), 50_000);
    await page.goto(`${urls.admin}/campaigns/${brand.campaignId}`);
    await page.getByTestId('approve-campaign').click();
    await expect.poll(() => textOf(page.getByTestId('campaign-status'))).toBe('Active');

    const brandEntry = await auditEntryFor(page, brand.brandId, 'brand.verify');
    // The row opens from its number (the subject and the actor in it are links).
    await brandEntry.locator('summary > span').first().click();
    expect(await textOf(brandEntry)).toContain('Registration matches the public register.');
    expect(await textOf(brandEntry.getByTestId('audit-entry-changes'))).toContain('"verified"');
    await atBothWidths(page, 'admin-audit-log-brand');
    await auditEntryFor(page, brand.campaignId, 'campaign.approve');

    // The chain verifies, and says which checkpoint it last signed.
    await page.getByTestId('verify-chain').click();
    expect(await page.getByTestId('chain-status').getAttribute('data-intact')).toBe('true');
    await atBothWidths(page, 'admin-audit-log-verified');
    await page.close();
  });

  it('a configuration change needs a reason and a confirmation, and appears in the history', async () => {
    const page = await admin.newPage();
    await page.goto(`${urls.admin}/configuration`);
    const burst = page.getByLabel('Ingest burst per overlay');
    const nextBurst = String(Number(await burst.inputValue()) + 1);
    await burst.fill(nextBurst);
    await page.getByTestId('config-review-changes').click();
    expect(await textOf(page.locator('#config-reason-error'))).toBeTruthy();
    const reason = `Headroom for bursty overlays ${Date.now().toString(36)}`;
    await page.getByLabel('Why this change').fill(reason);
    await page.getByTestId('config-review-changes').click();
    expect(await textOf(page.getByTestId('config-review'))).toContain(`→ ${nextBurst}`);
    await atBothWidths(page, 'admin-configuration-review');
    await page.getByTestId('config-confirm').click();
    await expect
      .poll(() => page.getByTestId('config-history-reason').filter({ hasText: reason }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.getByLabel('Ingest burst per overlay').inputValue()).toBe(nextBurst);
    await atBothWidths(page, 'admin-configuration');

    // The other admin pages, for the record at both widths.
    await page.goto(`${urls.admin}/participations`);
    await page.getByTestId('participation-filters').waitFor();
    await atBothWidths(page, 'admin-participations');
    await page.goto(`${urls.admin}/participations?view=rules`);
    await page.getByTestId('new-rule').waitFor();
    await atBothWidths(page, 'admin-conflict-rules');
    await page.goto(`${urls.admin}/participations?view=violations`);
    await page.getByTestId('violation-filters').waitFor();
    await atBothWidths(page, 'admin-violations');
    await page.goto(`${urls.admin}/verifications`);
    await page.getByTestId('brand-filters').waitFor();
    await atBothWidths(page, 'admin-verifications');
    await page.close();
  });
});
