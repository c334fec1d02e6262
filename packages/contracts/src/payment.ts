import { z } from 'zod';
import { pricingModelSchema } from './campaign';
import { pageInputSchema } from './pagination';
import { centsSchema } from './primitives/amounts';
import { idSchema } from './primitives/ids';
import { instantSchema } from './primitives/instants';

const DAY_MS = 86_400_000;

/** Currencies the ledger keeps accounts in (the wider `currencySchema` is for preferences). */
export const ledgerCurrencySchema = z.enum(['USD'], { error: 'Only USD is supported' });
export type LedgerCurrency = z.infer<typeof ledgerCurrencySchema>;

// payment.internal.* — called by the campaign service with its service credentials.

/** `payment.internal.reserveCampaignBudget`: moves the whole budget from the brand's wallet to the campaign's escrow. */
export const reserveCampaignBudgetInputSchema = z.object({
  campaignId: idSchema('campaign'),
  brandId: idSchema('brand'),
  budgetCents: centsSchema.min(1, 'A budget is at least 1 cent'),
  pricingModel: pricingModelSchema,
  rateCents: centsSchema,
  perStreamerCapCents: centsSchema.min(1, 'A cap is at least 1 cent').nullable(),
});
export type ReserveCampaignBudgetInput = z.infer<typeof reserveCampaignBudgetInputSchema>;

/** `payment.internal.adjustCampaignBudget`: reserves or releases the difference to the new budget. */
export const adjustCampaignBudgetInputSchema = z.object({
  campaignId: idSchema('campaign'),
  budgetCents: centsSchema.min(1, 'A budget is at least 1 cent'),
});
export type AdjustCampaignBudgetInput = z.infer<typeof adjustCampaignBudgetInputSchema>;

export const campaignBudgetInputSchema = z.object({ campaignId: idSchema('campaign') });

/** A campaign's money: what was reserved for it, what it has spent and what is left in escrow. */
export const campaignBudgetSchema = z.object({
  reservedCents: z.number().int().nonnegative(),
  spentCents: z.number().int().nonnegative(),
  leftCents: z.number().int().nonnegative(),
});
export type CampaignBudget = z.infer<typeof campaignBudgetSchema>;

/** Why a reservation was refused: `DomainError('precondition_failed', 'wallet_short', …, { shortByCents })`. */
export const WALLET_SHORT_REASON = 'wallet_short';

// Brand wallet.

/** The movements a brand sees on its wallet. */
export const walletTransactionKinds = [
  { id: 'deposit', label: 'Top-up' },
  { id: 'budget_reserve', label: 'Campaign budget reserved' },
  { id: 'budget_release', label: 'Campaign budget released' },
  { id: 'refund', label: 'Refund' },
  { id: 'dispute_hold', label: 'Dispute hold' },
  { id: 'dispute_close', label: 'Dispute closed' },
  { id: 'adjustment', label: 'Adjustment by Gametriggers' },
] as const;
export const walletTransactionKindSchema = z.enum(
  ['deposit', 'budget_reserve', 'budget_release', 'refund', 'dispute_hold', 'dispute_close', 'adjustment'],
  { error: 'Choose a kind of transaction' },
);
export type WalletTransactionKind = z.infer<typeof walletTransactionKindSchema>;

export const walletTransactionsInputSchema = pageInputSchema
  .extend({
    kinds: z.array(walletTransactionKindSchema).max(walletTransactionKinds.length).optional(),
    from: instantSchema().optional(),
    to: instantSchema().optional(),
  })
  .refine((input) => !input.from || !input.to || input.from < input.to, {
    message: 'from must be before to',
    path: ['to'],
  });
export type WalletTransactionsInput = z.input<typeof walletTransactionsInputSchema>;

// Streamer earnings.

/** Daily earnings between two instants (UTC days), at most a year. */
export const earningsOverTimeInputSchema = z
  .object({ from: instantSchema(), to: instantSchema() })
  .refine((range) => range.from < range.to, { message: 'from must be before to', path: ['to'] })
  .refine((range) => range.to.getTime() - range.from.getTime() <= 366 * DAY_MS, {
    message: 'Choose at most a year',
    path: ['to'],
  });
export type EarningsOverTimeInput = z.infer<typeof earningsOverTimeInputSchema>;
