import { z } from 'zod';
import { centsSchema, countSchema } from './primitives/amounts';
import { idSchema } from './primitives/ids';
import { lineTextSchema, opaqueStringSchema } from './primitives/text';

// The payment service's Stripe-facing procedures (top-ups, cards, withdrawals, refunds, documents).

/** The largest single top-up or refund: $100,000. */
export const MAX_TOP_UP_CENTS = 10_000_000;
/** The smallest top-up: $5 (card fees make smaller ones pointless). */
export const MIN_TOP_UP_CENTS = 500;

const topUpAmountSchema = centsSchema
  .min(MIN_TOP_UP_CENTS, 'A top-up is at least $5.00')
  .max(MAX_TOP_UP_CENTS, 'A top-up is at most $100,000.00');

/** `payment.billing.createTopUp`: pay by card on Stripe's Checkout page. */
export const createTopUpInputSchema = z.object({
  amountCents: topUpAmountSchema,
  saveCard: z.boolean().default(false),
});
export type CreateTopUpInput = z.input<typeof createTopUpInputSchema>;

const paymentMethodIdSchema = opaqueStringSchema({ what: 'card', max: 100 }).regex(/^pm_[A-Za-z0-9_]+$/, 'The card is not valid');

export const savedCardInputSchema = z.object({ paymentMethodId: paymentMethodIdSchema });

/** `payment.billing.setAutoTopUp`: below `thresholdCents`, charge the saved card `amountCents`. */
export const autoTopUpInputSchema = z.object({
  enabled: z.boolean(),
  thresholdCents: centsSchema.max(MAX_TOP_UP_CENTS, 'The threshold is at most $100,000.00'),
  amountCents: topUpAmountSchema,
  paymentMethodId: paymentMethodIdSchema.optional(),
});
export type AutoTopUpInput = z.input<typeof autoTopUpInputSchema>;

/** `payment.billing.requestRefund`: unspent wallet money back to the cards that paid it. */
export const refundRequestInputSchema = z.object({
  amountCents: centsSchema.min(1, 'Refund at least 1 cent').max(MAX_TOP_UP_CENTS, 'Refund at most $100,000.00 at a time'),
});

export const listLimitInputSchema = z.object({ limit: countSchema({ what: 'number of rows', min: 1, max: 100 }).default(50) });

export const invoiceInputSchema = z.object({
  invoiceNumber: countSchema({ what: 'invoice number', min: 1, max: 2_147_483_647 }),
});

/** A calendar month, `2026-03`. */
export const statementMonthSchema = z
  .string({ error: 'Choose a month' })
  .regex(/^(20[2-9]\d)-(0[1-9]|1[0-2])$/, 'Choose a month as YYYY-MM');

export const statementInputSchema = z.object({
  month: statementMonthSchema,
  format: z.enum(['pdf', 'csv'], { error: 'Choose pdf or csv' }),
});

/** A file for the portal to save: base64 bytes with a name and a content type. */
export const downloadableFileSchema = z.object({
  fileName: z.string(),
  contentType: z.string(),
  base64: z.string(),
});
export type DownloadableFile = z.infer<typeof downloadableFileSchema>;

/** `payment.withdrawals.request`. */
export const withdrawalRequestInputSchema = z.object({
  amountCents: centsSchema.min(1, 'Withdraw at least 1 cent'),
});

export const withdrawalIdInputSchema = z.object({ withdrawalId: idSchema('withdrawal') });

export const rejectWithdrawalInputSchema = z.object({
  withdrawalId: idSchema('withdrawal'),
  reason: lineTextSchema({ what: 'the reason', min: 1, max: 500 }),
});
