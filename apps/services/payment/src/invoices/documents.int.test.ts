import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { failure, runningClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentHarness } from '../testing/payment-harness';
import { startPaymentHarness } from '../testing/payment-harness';
import { eventually, giveAvailableEarnings, payCheckout, TEST_CARD } from '../testing/stripe-flow-helpers';

const clock = runningClock('2026-03-02T10:00:00.000Z');
const cast = testCast();
let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: PaymentHarness;
type Client = ReturnType<PaymentHarness['client']>;
let brandA: Client;
let brandB: Client;
let streamerA: Client;
const folder = mkdtempSync(path.join(tmpdir(), 'gt-documents-'));

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startPaymentHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    billingProfiles: {
      billingProfile: (brandId) =>
        Promise.resolve(
          brandId === cast.brandA.userId
            ? {
                brandId,
                companyName: 'Acme Energy Inc.',
                email: 'billing@acme.test',
                line1: '1 Main Street',
                line2: null,
                city: 'Springfield',
                region: 'IL',
                postalCode: '62701',
                country: 'US',
                taxId: 'US-12-3456789',
              }
            : null,
        ),
    },
  });
  brandA = harness.client(await issuer.tokenFor(cast.brandA));
  brandB = harness.client(await issuer.tokenFor(cast.brandB));
  streamerA = harness.client(await issuer.tokenFor(cast.streamerA));
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The text of a PDF, as poppler's pdftotext reads it. */
function pdfText(base64: string): string {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function topUp(client: Client, amountCents: number) {
  const { url } = await client.payment.billing.createTopUp.mutate({ amountCents, saveCard: false });
  const paymentIntentId = (await payCheckout(harness.stripe, url, TEST_CARD.visa)).body.payment_intent!;
  await eventually(async () => (await harness.db.deposit.count({ where: { paymentIntentId } })) === 1, 'the deposit');
  return paymentIntentId;
}

describe('invoices', () => {
  it('renders the deposit’s invoice with the brand’s billing details, the same bytes every time', async () => {
    const paymentIntentId = await topUp(brandA, 12_345);
    const [invoice] = await brandA.payment.billing.invoices.query({ limit: 1 });
    expect(invoice).toMatchObject({ invoiceNumber: 1, number: 'GT-000001', paymentIntentId, amountCents: 12_345 });
    const file = await brandA.payment.billing.invoicePdf.query({ invoiceNumber: 1 });
    expect(file).toMatchObject({ fileName: 'invoice-GT-000001.pdf', contentType: 'application/pdf' });
    const text = pdfText(file.base64);
    for (const expected of ['Gametriggers Inc.', 'Invoice GT-000001', 'Acme Energy Inc.', '1 Main Street', 'Tax id: US-12-3456789', '$123.45', paymentIntentId]) {
      expect(text).toContain(expected);
    }
    expect((await brandA.payment.billing.invoicePdf.query({ invoiceNumber: 1 })).base64).toBe(file.base64);
  });

  it('does not give one brand another brand’s invoice', async () => {
    expect((await failure(brandB.payment.billing.invoicePdf.query({ invoiceNumber: 1 }))).httpStatus).toBe(404);
    for (const invoiceNumber of [0, -1, 1.5, 2 ** 40, '1' as unknown as number]) {
      expect((await failure(brandA.payment.billing.invoicePdf.query({ invoiceNumber }))).httpStatus, String(invoiceNumber)).toBe(400);
    }
  });
});

describe('monthly statements', () => {
  it('lists the brand’s movements of the month from the journal, as CSV and PDF', async () => {
    await topUp(brandA, 5_000);
    const csv = await brandA.payment.statements.brand.query({ month: '2026-03', format: 'csv' });
    expect(csv).toMatchObject({ fileName: 'statement-2026-03.csv', contentType: 'text/csv' });
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('date,entry,description,account,amount,balance,currency');
    expect(lines.slice(1).map((line) => line.split(',').slice(2, 6))).toEqual([
      ['Top-up', 'wallet', '123.45', '123.45'],
      ['Top-up', 'wallet', '50.00', '173.45'],
    ]);
    const pdf = pdfText((await brandA.payment.statements.brand.query({ month: '2026-03', format: 'pdf' })).base64);
    expect(pdf).toContain('Statement 2026-03');
    expect(pdf).toContain('Acme Energy Inc.');
    expect(pdf).toMatch(/wallet: opening \$0\.00, closing \$173\.45/);
    const empty = Buffer.from((await brandA.payment.statements.brand.query({ month: '2026-02', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(empty.trim().split('\n')).toHaveLength(1);
    const other = Buffer.from((await brandB.payment.statements.brand.query({ month: '2026-03', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(other.trim().split('\n')).toHaveLength(1);
  });

  it('shows a streamer’s pending and available earnings', async () => {
    await giveAvailableEarnings(harness, clock, cast.streamerA.userId, 8_000);
    const csv = Buffer.from((await streamerA.payment.statements.streamer.query({ month: '2026-03', format: 'csv' })).base64, 'base64').toString('utf8');
    const rows = csv.trim().split('\n').slice(1).map((line) => line.split(',').slice(2, 5));
    expect(rows).toEqual([
      ['Earnings', 'pending', '80.00'],
      ['Earnings available', 'pending', '-80.00'],
      ['Earnings available', 'available', '80.00'],
    ]);
  });

  it('refuses months that are not YYYY-MM and unknown formats', async () => {
    for (const input of [{ month: '2026-13', format: 'pdf' }, { month: '26-03', format: 'csv' }, { month: '2026-03', format: 'xls' }]) {
      expect((await failure(brandA.payment.statements.brand.query(input as never))).httpStatus).toBe(400);
    }
    expect((await failure(streamerA.payment.statements.brand.query({ month: '2026-03', format: 'csv' }))).httpStatus).toBe(403);
  });
});
