import { formatCents, ledgerEntryKindLabel } from '@gametriggers/contracts';
import { renderPdf } from '../invoices/pdf-document';
import type { Statement } from './statement-lines';

export const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const cents = (value: number) => (value / 100).toFixed(2);

export function statementCsv(statement: Statement): string {
  const header = ['date', 'entry', 'description', 'account', 'amount', 'balance', 'currency'];
  const rows = statement.lines.map((line) => [
    line.at.toISOString(),
    line.entryId,
    ledgerEntryKindLabel(line.kind),
    line.account,
    cents(line.amountCents),
    cents(line.balanceAfterCents),
    'USD',
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** The month's statement as a PDF dated the first instant after the month (byte-stable). */
export function statementPdf(statement: Statement, issuer: { name: string; address: string }, ownerName: string): Promise<Buffer> {
  return renderPdf(statement.to, `Statement ${statement.month}`, (doc) => {
    doc.fontSize(20).text(issuer.name);
    doc.fontSize(10).text(issuer.address);
    doc.moveDown(2);
    doc.fontSize(16).text(`Statement ${statement.month}`);
    doc.fontSize(10).text(ownerName);
    doc.moveDown();
    for (const account of statement.accounts) {
      doc.text(`${account.account}: opening ${formatCents(account.openingCents)}, closing ${formatCents(account.closingCents)}`);
    }
    doc.moveDown();
    if (statement.lines.length === 0) doc.text('No movements this month.');
    for (const line of statement.lines) {
      doc.text(
        `${line.at.toISOString().slice(0, 10)}  ${ledgerEntryKindLabel(line.kind)} (${line.account})  ${formatCents(line.amountCents)}  balance ${formatCents(line.balanceAfterCents)}`,
      );
    }
  });
}
