import { centsAsAmountText } from '@gametriggers/contracts';
import type { WalletTransactionKind } from '@gametriggers/contracts';
import { transactionKindLabel } from './transaction-filters';

export interface CsvTransaction {
  id: string;
  kind: WalletTransactionKind;
  direction: 'in' | 'out';
  amountCents: number;
  balanceAfterCents: number;
  pending: boolean;
  campaignId: string | null;
  createdAt: Date;
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. Text
 * a spreadsheet would run as a formula (= + - @ or a tab first) gets a leading quote mark, since
 * campaign titles are typed by people.
 */
function csvField(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (fields: readonly string[]) => fields.map(csvField).join(',');

const header = [
  'Date (UTC)',
  'Type',
  'Amount (USD)',
  'Balance after (USD)',
  'Status',
  'Campaign',
  'Campaign ID',
  'Transaction ID',
];

/** The wallet's movements as a CSV file: money out is negative, so the amounts sum to the change. */
export function transactionsCsv(
  rows: readonly CsvTransaction[],
  campaignTitle: (campaignId: string) => string | undefined,
): string {
  const lines = rows.map((row) =>
    csvLine([
      row.createdAt.toISOString(),
      transactionKindLabel(row.kind),
      centsAsAmountText(row.direction === 'in' ? row.amountCents : -row.amountCents),
      centsAsAmountText(row.balanceAfterCents),
      row.pending ? 'In progress' : 'Settled',
      row.campaignId ? (campaignTitle(row.campaignId) ?? '') : '',
      row.campaignId ?? '',
      row.id,
    ]),
  );
  return `${[csvLine(header), ...lines].join('\r\n')}\r\n`;
}
