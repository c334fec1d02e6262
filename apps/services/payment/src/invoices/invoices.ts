import { formatCents } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';
import { formatInvoiceNumber } from './invoice-numbers';
import { renderPdf } from './pdf-document';

export interface InvoiceSummary {
  invoiceNumber: number;
  number: string;
  paymentIntentId: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
  paidAt: Date;
}

export async function brandInvoices(deps: PaymentDeps, brandId: string, limit: number): Promise<InvoiceSummary[]> {
  const rows = await deps.db.deposit.findMany({ where: { brandId }, orderBy: { invoiceNumber: 'desc' }, take: limit });
  return rows.map((row) => ({
    invoiceNumber: row.invoiceNumber,
    number: formatInvoiceNumber(row.invoiceNumber),
    paymentIntentId: row.paymentIntentId,
    amountCents: Number(row.amountCents),
    refundedCents: Number(row.refundedCents),
    currency: row.currency,
    paidAt: row.paidAt,
  }));
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** The invoice of one of the brand's deposits, as a PDF (another brand's number is not found). */
export async function invoicePdf(deps: PaymentDeps, brandId: string, invoiceNumber: number): Promise<{ fileName: string; pdf: Buffer }> {
  const deposit = await deps.db.deposit.findUnique({ where: { invoiceNumber } });
  if (!deposit || deposit.brandId !== brandId) throw new DomainError('not_found', 'invoice_not_found', 'There is no such invoice.');
  const profile = await deps.flows.billingProfiles.billingProfile(brandId);
  const number = formatInvoiceNumber(invoiceNumber);
  const amount = formatCents(Number(deposit.amountCents), deposit.currency);
  const pdf = await renderPdf(deposit.paidAt, `Invoice ${number}`, (doc) => {
    doc.fontSize(20).text(deps.flows.issuer.name);
    doc.fontSize(10).text(deps.flows.issuer.address);
    doc.moveDown(2);
    doc.fontSize(16).text(`Invoice ${number}`);
    doc.fontSize(10).text(`Date: ${day(deposit.paidAt)}`);
    doc.text(`Payment reference: ${deposit.paymentIntentId}`);
    doc.moveDown();
    doc.fontSize(12).text('Billed to');
    doc.fontSize(10);
    if (profile) {
      doc.text(profile.companyName);
      doc.text(profile.line1);
      if (profile.line2) doc.text(profile.line2);
      doc.text([profile.postalCode, profile.city, profile.region].filter(Boolean).join(' '));
      doc.text(profile.country);
      if (profile.taxId) doc.text(`Tax id: ${profile.taxId}`);
      doc.text(profile.email);
    } else {
      doc.text(`Brand ${brandId}`);
    }
    doc.moveDown();
    doc.fontSize(12).text('Description', { continued: true }).text(`Amount`, { align: 'right' });
    doc.fontSize(10).text(`Gametriggers wallet top-up (${deposit.source === 'auto_top_up' ? 'automatic' : 'card'})`, { continued: true });
    doc.text(amount, { align: 'right' });
    doc.moveDown();
    doc.fontSize(12).text(`Total paid: ${amount}`, { align: 'right' });
  });
  return { fileName: `invoice-${number}.pdf`, pdf };
}
