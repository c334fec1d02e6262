import { formatCents } from '@gametriggers/contracts';
import { demoCreativeFile } from '@gametriggers/devstack';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, apiAsAdmin, demoAdmin, draftCampaignFields, uploadApprovedCreative } from '../../src/api';
import { launchBrowser, screenshot, signInWithPassword, textOf, urls } from '../../src/browser';

// Lumen (a verified demo brand) funds a new campaign by card; MiraMusic (live on the Twitch
// stand-in with 95 viewers, running only Lumen's other campaign) delivers it from her overlay.
const brand = { email: 'lumen@demo.gametriggers.dev', password: 'DemoPassword!2026' };
const streamer = { email: 'mira@demo.gametriggers.dev', password: 'DemoPassword!2026' };
const TOP_UP_CENTS = 200_000;
const WITHDRAWAL_CENTS = 1_000;

let browser: Browser;
let ledger: pg.Client;
beforeAll(async () => {
  browser = await launchBrowser();
  ledger = new pg.Client({ connectionString: inject('paymentDatabaseUrl') });
  await ledger.connect();
});
afterAll(async () => {
  await ledger.end();
  await browser.close();
});

/** `$1,234.56` → 123456 (every amount on the pages is formatted with `formatCents`). */
function centsIn(text: string): number[] {
  return [...text.matchAll(/\$([\d,]+)\.(\d\d)/g)].map((match) => Number(match[1]!.replaceAll(',', '')) * 100 + Number(match[2]));
}
const amountOf = async (page: Page, testId: string) => centsIn(await textOf(page.getByTestId(testId)))[0] ?? Number.NaN;

/**
 * The campaign's charges as the ledger booked them: what each took from escrow and the platform
 * fee split off it (the fee accounts are on no page).
 */
async function chargesOf(campaignId: string) {
  const { rows } = await ledger.query<{ charged: string; fee: string }>(
    `SELECT sum(p."amount") FILTER (WHERE a."kind" = 'campaign_escrow') AS charged,
            coalesce(sum(p."amount") FILTER (WHERE a."kind" = 'platform_fees'), 0) AS fee
     FROM "journal_entries" e
     JOIN "ledger_postings" p ON p."entryId" = e."id"
     JOIN "ledger_accounts" a ON a."id" = p."accountId"
     WHERE e."kind" = 'charge' AND e."cause"->>'campaignId' = $1
     GROUP BY e."id"`,
    [campaignId],
  );
  return rows.map((row) => ({ charged: Number(row.charged), fee: Number(row.fee) }));
}

async function payOnHostedPage(page: Page, card: string) {
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry').fill('12 / 34');
  await page.getByLabel('CVC').fill('123');
  await page.getByRole('button', { name: /^Pay / }).click();
}

describe('the money loop', () => {
  it('top-up by card → approval reserves it → an overlay delivers → spend = earnings + fee → the hold passes → the streamer withdraws', async () => {
    // The brand tops up on the hosted Checkout page: a declined card first, which changes nothing.
    const brandPage = await browser.newPage();
    await signInWithPassword(brandPage, brand.email, brand.password);
    await brandPage.waitForURL(`${urls.brand}/**`);
    await brandPage.goto(`${urls.brand}/billing`);
    const availableBefore = await amountOf(brandPage, 'wallet-available');
    await brandPage.getByLabel('Amount (USD)').fill(String(TOP_UP_CENTS / 100));
    await brandPage.getByRole('button', { name: 'Continue to payment' }).click();
    await brandPage.waitForURL(`${inject('stripeUrl')}/pay/**`);
    await payOnHostedPage(brandPage, '4000 0000 0000 0002');
    expect(await textOf(brandPage.getByRole('alert'))).toBe('Your card was declined.');
    await screenshot(brandPage, 'money-checkout-declined');
    await brandPage.goto(`${urls.brand}/billing`);
    expect(await amountOf(brandPage, 'wallet-available')).toBe(availableBefore);

    await brandPage.goBack();
    await payOnHostedPage(brandPage, '4242 4242 4242 4242');
    await brandPage.waitForURL(`${urls.brand}/billing?topUp=paid**`);
    await expect
      .poll(async () => {
        await brandPage.reload();
        return amountOf(brandPage, 'wallet-available');
      }, { timeout: 30_000, interval: 1_000 })
      .toBe(availableBefore + TOP_UP_CENTS);
    await screenshot(brandPage, 'money-billing-topped-up');

    // A $1,000-per-1,000-impressions campaign Mira matches, approved by an admin through the API:
    // its budget moves from the wallet into escrow.
    const asBrand = await apiAs(brand);
    const startsAt = new Date(Date.now() + 3_000);
    const title = `Lumen money loop ${Date.now().toString(36)}`;
    const creative = await uploadApprovedCreative(brand, demoCreativeFile('lumen/crunch.jpg'));
    const campaign = await asBrand.campaign.create.mutate(
      draftCampaignFields(title, { assetId: creative.assetId, altText: 'Lumen Crunch' }, {
        description: 'Lumen sponsors a music stream; every impression is paid.',
        clickThroughUrl: 'https://lumen.example/crunch',
        categories: ['music'],
        languages: ['pt'],
        regions: ['BR'],
        startsAt,
        budgetCents: TOP_UP_CENTS,
        pricing: { model: 'cpm', rateCents: 100_000 },
        frequency: { adDurationSeconds: 15, minMinutesBetweenShows: 1, maxShowsPerHour: 60 },
        gkeyCooloffHours: 1,
      }),
    );
    await asBrand.campaign.submit.mutate({ campaignId: campaign.id });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.getTime() - Date.now() + 500)));
    await (await apiAsAdmin(demoAdmin)).campaign.approve.mutate({ campaignId: campaign.id });
    await brandPage.goto(`${urls.brand}/billing`);
    expect(await amountOf(brandPage, 'wallet-available')).toBe(availableBefore);
    const campaignRow = brandPage.getByTestId('wallet-campaign-row').filter({ hasText: title });
    expect(centsIn(await textOf(campaignRow))).toEqual([TOP_UP_CENTS, 0, TOP_UP_CENTS]);

    // Mira joins and goes live with her overlay until it has shown the campaign's ad.
    const asStreamer = await apiAs(streamer);
    await asStreamer.participation.join.mutate({ campaignId: campaign.id, acknowledgeWarnings: true });
    const portal = await browser.newPage();
    await signInWithPassword(portal, streamer.email, streamer.password);
    await portal.waitForURL(`${urls.streamer}/**`);
    await portal.goto(`${urls.streamer}/overlay`);
    await portal.getByTestId('reveal-overlay-url').click();
    const overlayUrl = await portal.getByTestId('overlay-url').inputValue();
    const overlay = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const shown: string[] = [];
    overlay.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/ingest')) {
        const body = request.postDataJSON() as { events: Array<{ type: string; campaignId?: string; test?: boolean }> };
        for (const event of body.events) if (event.type === 'display_start' && !event.test && event.campaignId) shown.push(event.campaignId);
      }
    });
    await overlay.goto(overlayUrl);
    await expect
      .poll(() => portal.getByTestId('obs-connection').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('connected');
    // No break between ads, so the rotation reaches the new campaign soon.
    await portal.getByLabel('Break between ads (seconds)').fill('0');
    await portal.getByTestId('save-overlay-settings').click();
    await expect.poll(() => shown.includes(campaign.id), { timeout: 180_000, interval: 1_000 }).toBe(true);
    await overlay.close();

    // The hour is counted and charged: wait until the campaign's spend stops moving.
    let spent = 0;
    await expect
      .poll(async () => {
        await brandPage.reload();
        const [, now = 0] = centsIn(await textOf(campaignRow));
        const settled = now > 0 && now === spent;
        spent = now;
        return settled;
      }, { timeout: 150_000, interval: 5_000 })
      .toBe(true);
    await screenshot(brandPage, 'money-billing-spent');
    expect(centsIn(await textOf(campaignRow))).toEqual([TOP_UP_CENTS, spent, TOP_UP_CENTS - spent]);

    // The streamer's earnings for it and the platform's fee add up to the brand's spend, to the cent.
    await portal.goto(`${urls.streamer}/earnings`);
    const earningsRow = portal.getByTestId('earnings-campaign-row').filter({ hasText: title });
    const [earned = 0] = centsIn(await textOf(earningsRow));
    const charges = await chargesOf(campaign.id);
    const fee = charges.reduce((sum, charge) => sum + charge.fee, 0);
    expect(charges.reduce((sum, charge) => sum + charge.charged, 0)).toBe(spent);
    // The platform's 20 %, rounded down on each charge; the streamer gets the rest.
    for (const charge of charges) expect(charge.fee).toBe(Math.floor((charge.charged * 2000) / 10_000));
    expect(fee).toBeGreaterThan(0);
    expect(earned + fee).toBe(spent);
    await screenshot(portal, 'money-earnings-pending');

    // Four days later (the payment service and the local Stripe move their clocks together) the
    // 3-day hold has passed, so the earnings mature at the maturing job's next run; the card
    // payment has reached the platform's available balance at Stripe by then too.
    const advanceClocks = async (days: number) => {
      const moved = await fetch(`${inject('paymentServiceUrl')}/_test/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seconds: days * 86_400 }),
      });
      expect(moved.status).toBe(200);
    };
    expect(centsIn(await textOf(earningsRow))[1]).toBe(earned);
    await advanceClocks(4);
    const availableEarnings = await expect
      .poll(async () => {
        await portal.reload();
        return centsIn(await textOf(earningsRow))[1];
      }, { timeout: 120_000, interval: 5_000 })
      .toBe(0)
      .then(() => amountOf(portal, 'earnings-available'));
    expect(availableEarnings).toBeGreaterThanOrEqual(earned);

    // A payout account through the local Stripe's onboarding page, then a withdrawal.
    await portal.getByRole('button', { name: 'Set up payouts' }).click();
    await portal.waitForURL(`${inject('stripeUrl')}/connect/onboard/**`);
    await portal.getByRole('button', { name: 'Complete onboarding' }).click();
    await portal.waitForURL(`${urls.streamer}/earnings?onboarding=done**`);
    await expect
      .poll(async () => {
        await portal.reload();
        return textOf(portal.getByTestId('payout-account-status'));
      }, { timeout: 30_000, interval: 1_000 })
      .toBe('Ready');
    const stripeUrl = inject('stripeUrl');
    await portal.getByTestId('withdraw-form').getByLabel('Amount (USD)').fill(String(WITHDRAWAL_CENTS / 100));
    await portal.getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => portal.getByText('Withdrawal requested').count()).toBe(1);

    // The transfer lands on Mira's connected account at the local Stripe (sent right after the hold).
    const transfersOfWithdrawal = async () => {
      const response = await fetch(`${stripeUrl}/v1/transfers?limit=100`, { headers: { authorization: 'Bearer sk_test_e2e' } });
      const list = (await response.json()) as { data: Array<{ amount: number; destination: string }> };
      return list.data.filter((transfer) => transfer.amount === WITHDRAWAL_CENTS).length;
    };
    await expect.poll(transfersOfWithdrawal, { timeout: 30_000, interval: 1_000 }).toBe(1);

    // Stripe pays the connected account's bank out days later: the clocks move on, `payout.paid`
    // arrives, and the withdrawal is paid.
    await advanceClocks(3);
    await expect
      .poll(async () => {
        await portal.reload();
        return textOf(portal.getByTestId('withdrawal-status').first());
      }, { timeout: 60_000, interval: 2_000 })
      .toBe('Paid');
    await portal.reload();
    expect(await amountOf(portal, 'earnings-available')).toBe(availableEarnings - WITHDRAWAL_CENTS);
    expect(await textOf(portal.getByTestId('withdrawal-row').first())).toContain(formatCents(WITHDRAWAL_CENTS));
    await screenshot(portal, 'money-earnings-withdrawn');
    await Promise.all([brandPage.close(), portal.close()]);
  }, 600_000);
});
