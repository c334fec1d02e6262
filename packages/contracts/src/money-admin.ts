import { z } from 'zod';
import { centsSchema } from './primitives/amounts';
import { idSchema } from './primitives/ids';
import { instantSchema } from './primitives/instants';
import { opaqueStringSchema, paragraphTextSchema, searchTextSchema } from './primitives/text';

const DAY_MS = 24 * 60 * 60_000;

/** Whose money an admin looks at: a brand's wallet or a streamer's earnings. */
export const moneyHolderSchema = z.enum(['brand', 'streamer'], { error: 'Choose brand or streamer' });
export type MoneyHolder = z.infer<typeof moneyHolderSchema>;

/** Why an admin changed someone's money: kept in the audit log. */
export const moneyActionReasonSchema = paragraphTextSchema({ what: 'the reason', min: 3, max: 1000 });

export const moneyAccountSortSchema = z.enum(['available', 'reserved', 'pending', 'lastActivity'], {
  error: 'Choose a column to sort by',
});
export type MoneyAccountSort = z.infer<typeof moneyAccountSortSchema>;

/** `payment.admin.wallets.list`: one page of brand wallets or streamer earnings accounts. */
export const listMoneyAccountsInputSchema = z.object({
  holder: moneyHolderSchema.default('brand'),
  /** The start of the brand's or streamer's id. */
  search: searchTextSchema(36),
  frozenOnly: z.boolean().default(false),
  sort: moneyAccountSortSchema.default('available'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListMoneyAccountsInput = z.input<typeof listMoneyAccountsInputSchema>;

/** One brand wallet or streamer earnings account. */
export const moneyAccountInputSchema = z.object({
  holder: moneyHolderSchema,
  ownerId: idSchema('account owner'),
});
export type MoneyAccountInput = z.infer<typeof moneyAccountInputSchema>;

/**
 * `payment.admin.adjustments.create`: a credit or a debit of a brand's wallet or a streamer's
 * available earnings, balanced against the platform's adjustments account. The idempotency key
 * (made once per form) makes a repeated submission take effect once.
 */
export const moneyAdjustmentInputSchema = moneyAccountInputSchema.extend({
  direction: z.enum(['credit', 'debit'], { error: 'Choose credit or debit' }),
  amountCents: centsSchema.min(1, 'Adjust by at least 1 cent'),
  reason: moneyActionReasonSchema,
  idempotencyKey: opaqueStringSchema({ what: 'idempotency key', min: 8, max: 100 }),
});
export type MoneyAdjustmentInput = z.infer<typeof moneyAdjustmentInputSchema>;

/** `payment.admin.freezes.freeze` / `unfreeze`. */
export const moneyFreezeInputSchema = moneyAccountInputSchema.extend({ reason: moneyActionReasonSchema });
export type MoneyFreezeInput = z.infer<typeof moneyFreezeInputSchema>;

export const financialReportGranularities = ['day', 'month'] as const;

/** `payment.admin.reports.financial`: UTC days (at most a year) or months (at most ten years). */
export const financialReportInputSchema = z
  .object({
    from: instantSchema('Choose where the report starts'),
    to: instantSchema('Choose where the report ends'),
    granularity: z.enum(financialReportGranularities).default('day'),
  })
  .refine((range) => range.from < range.to, { message: 'from must be before to', path: ['to'] })
  .refine(
    (range) =>
      range.to.getTime() - range.from.getTime() <= (range.granularity === 'day' ? 366 : 3660) * DAY_MS,
    { message: 'The window is too long for this granularity.', path: ['to'] },
  );
export type FinancialReportInput = z.input<typeof financialReportInputSchema>;

const ledgerEntryKindLabels: Record<string, string> = {
  deposit: 'Top-up',
  budget_reserve: 'Campaign budget reserved',
  budget_release: 'Campaign budget released',
  refund: 'Refund',
  dispute_hold: 'Dispute hold',
  dispute_close: 'Dispute closed',
  charge: 'Earnings',
  earnings_mature: 'Earnings available',
  fixed_pot: 'Earnings (fixed fee)',
  withdrawal: 'Withdrawal',
  payout: 'Payout',
  adjustment: 'Adjustment by Gametriggers',
};

/** How statements and the admin portal name a journal entry's kind. */
export const ledgerEntryKindLabel = (kind: string) => ledgerEntryKindLabels[kind] ?? kind.replaceAll('_', ' ');
