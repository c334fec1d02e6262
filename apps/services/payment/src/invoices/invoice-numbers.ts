import type { PaymentSql } from '../database';

/**
 * The next number of a series, without gaps: the counter row is locked until the caller's
 * transaction ends, so a rolled-back transaction gives its number back and numbers are handed out
 * in commit order.
 */
export async function nextDocumentNumber(tx: PaymentSql, series: string): Promise<number> {
  const rows = await tx.$queryRawUnsafe<Array<{ lastNumber: number }>>(
    `INSERT INTO "document_counters" ("series", "lastNumber") VALUES ($1, 1)
     ON CONFLICT ("series") DO UPDATE SET "lastNumber" = "document_counters"."lastNumber" + 1
     RETURNING "lastNumber"`,
    series,
  );
  return Number(rows[0]!.lastNumber);
}

/** How an invoice number is printed: `GT-000042`. */
export const formatInvoiceNumber = (invoiceNumber: number) => `GT-${String(invoiceNumber).padStart(6, '0')}`;
