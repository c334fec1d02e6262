import { formatCents } from '@gametriggers/contracts';
import { demoCreativeFile } from '@gametriggers/devstack';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, draftCampaignFields, uploadCreativeAs } from '../../src/api';
import { atBothWidths, launchBrowser, signInWithPassword, textOf, urls } from '../../src/browser';

// What the money loop does not walk through: the campaign page's budget panel and its top-up link,
// the transactions filter and CSV, invoices and statements, a refund, and both pages on a phone.
const brand = { email: 'brand@demo.gametriggers.dev', password: 'DemoBrand!2026' };
const streamer = { email: 'nina@demo.gametriggers.dev', password: 'DemoPassword!2026' };
const SHORT_BY_CENTS = 12_345;
const REFUND_CENTS = 100;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function signedIn(person: { email: string; password: string }, portalUrl: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signInWithPassword(page, person.email, person.password);
  await page.waitForURL(`${portalUrl}/**`);
  return page;
}

describe('the billing and earnings pages', () => {
  it('a campaign the wallet cannot cover says by how much and links to a prefilled top-up', async () => {
    const asBrand = await apiAs(brand);
    const wallet = await asBrand.payment.wallet.summary.query();
    const creative = await uploadCreativeAs(brand, demoCreativeFile('acme/bold.jpg'));
    const draft = await asBrand.campaign.create.mutate(
      draftCampaignFields(
        `Acme wallet check ${Date.now().toString(36)}`,
        { assetId: creative.assetId, altText: 'Acme Bold' },
        { description: 'A draft whose budget is more than the wallet holds.', budgetCents: wallet.availableCents + SHORT_BY_CENTS, gkeyCooloffHours: 1 },
      ),
    );

    const page = await signedIn(brand, urls.brand);
    await page.goto(`${urls.brand}/campaigns/${draft.id}`);
    const panel = page.getByTestId('budget-panel');
    expect(await panel.getAttribute('data-state')).toBe('awaiting_approval');
    expect(await textOf(page.getByTestId('budget-wallet-short'))).toContain(
      `Your wallet is short by ${formatCents(SHORT_BY_CENTS)}`,
    );
    await atBothWidths(page, 'money-campaign-wallet-short');

    await panel.getByRole('link', { name: `Top up ${formatCents(SHORT_BY_CENTS)}` }).click();
    await page.waitForURL(`${urls.brand}/billing?amount=${SHORT_BY_CENTS}#top-up`);
    expect(await page.getByLabel('Amount (USD)').inputValue()).toBe('123.45');

    // An approved campaign shows what its escrow holds.
    const { items } = await asBrand.campaign.listMine.query({ status: 'active', limit: 1 });
    const live = items[0]!;
    const budget = await asBrand.payment.wallet.campaignBudget.query({ campaignId: live.id });
    await page.goto(`${urls.brand}/campaigns/${live.id}`);
    expect(await page.getByTestId('budget-panel').getAttribute('data-state')).toBe('reserved');
    expect(await textOf(page.getByTestId('budget-reserved'))).toBe(formatCents(budget.reservedCents));
    expect(await textOf(page.getByTestId('budget-left'))).toBe(formatCents(budget.leftCents));
    await page.close();
  });

  it('billing: the wallet, filtered transactions and their CSV, an invoice, a statement and a refund', async () => {
    const page = await signedIn(brand, urls.brand);
    // The navigation's Billing entry is the page itself now, not "coming soon".
    await page.getByRole('navigation').getByRole('link', { name: 'Billing' }).first().click();
    await page.waitForURL(`${urls.brand}/billing`);
    await page.getByTestId('wallet-available').waitFor();
    expect(await page.getByText('coming soon').count()).toBe(0);
    await atBothWidths(page, 'money-billing');

    // Top-ups only: every row is one, and the CSV holds the same rows.
    const filter = page.getByTestId('transactions-filter');
    await filter.getByText('Top-up', { exact: true }).click();
    await filter.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/kind=deposit/);
    const rows = page.getByTestId('transaction-row');
    await rows.first().waitFor();
    const types = await rows.evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(type).toContain('Top-up');

    const csv = await page.request.get(`${urls.brand}/billing/transactions.csv?kind=deposit`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Date (UTC),Type,Amount (USD),Balance after (USD),Status,Campaign,Campaign ID,Transaction ID');
    if (!(await page.getByTestId('load-more').count())) expect(lines.length - 1).toBe(types.length);
    for (const line of lines.slice(1)) expect(line).toMatch(/^[\d-]+T[\d:.]+Z,Top-up,\d+\.\d\d,/);

    // Each top-up's invoice, and this month's statement, download as files.
    const invoiceLink = page.getByTestId('invoice-row').first().getByRole('link');
    const invoice = await page.request.get(`${urls.brand}${await invoiceLink.getAttribute('href')}`);
    expect(invoice.headers()['content-type']).toBe('application/pdf');
    expect((await invoice.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const month = new Date().toISOString().slice(0, 7);
    const statement = await page.request.get(`${urls.brand}/billing/statements?month=${month}&format=csv`);
    expect(statement.status()).toBe(200);
    expect(statement.headers()['content-disposition']).toContain(`statement-${month}.csv`);

    // Unspent money back to the card.
    await page.goto(`${urls.brand}/billing`);
    const before = await textOf(page.getByTestId('wallet-available'));
    await page.getByLabel('Amount to refund (USD)').fill(String(REFUND_CENTS / 100));
    await page.getByRole('button', { name: 'Request refund' }).click();
    await page.getByText('Refund requested').waitFor();
    await page.reload();
    expect(await textOf(page.getByTestId('wallet-available'))).not.toBe(before);
    expect(await textOf(page.getByTestId('refund-row'))).toContain(formatCents(REFUND_CENTS));
    await page.close();
  });

  it('earnings: balances, the chart by period, payouts, withdrawals and statements, on a phone too', async () => {
    const page = await signedIn(streamer, urls.streamer);
    await page.getByRole('navigation').getByRole('link', { name: 'Earnings' }).first().click();
    await page.waitForURL(`${urls.streamer}/earnings`);
    await page.getByTestId('earnings-available').waitFor();
    expect(await page.getByText('coming soon').count()).toBe(0);
    expect(await textOf(page.getByTestId('withdrawal-limits'))).toContain('Minimum');
    expect(await textOf(page.getByTestId('payout-account-status'))).toBe('Not set up');
    await atBothWidths(page, 'money-earnings');

    if (await page.getByTestId('earnings-chart').count()) {
      await page.getByRole('link', { name: '13 weeks' }).click();
      await page.waitForURL(`${urls.streamer}/earnings?period=13w`);
      expect(await page.getByRole('link', { name: '13 weeks' }).getAttribute('aria-current')).toBe('true');
    }

    const month = new Date().toISOString().slice(0, 7);
    const statement = await page.request.get(`${urls.streamer}/earnings/statements?month=${month}&format=pdf`);
    expect(statement.headers()['content-type']).toBe('application/pdf');
    const refused = await page.request.get(`${urls.streamer}/earnings/statements?month=2026-13&format=pdf`);
    expect(refused.status()).toBe(400);
    await page.close();
  });
});
