import type { RouterOutputs } from '@gametriggers/api';

/** The brand's wallet (`payment.wallet.summary`). */
export type WalletSummary = RouterOutputs['payment']['wallet']['summary'];
/** One page of wallet movements (`payment.wallet.transactions`). */
export type WalletTransactionsPage = RouterOutputs['payment']['wallet']['transactions'];
export type WalletTransaction = WalletTransactionsPage['items'][number];
export type SavedCard = RouterOutputs['payment']['billing']['savedCards'][number];
export type AutoTopUpSettings = RouterOutputs['payment']['billing']['autoTopUp'];
export type Invoice = RouterOutputs['payment']['billing']['invoices'][number];
export type Refund = RouterOutputs['payment']['billing']['refunds'][number];
export type PaymentFailure = RouterOutputs['payment']['billing']['paymentFailures'][number];
