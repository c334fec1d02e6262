import type { RouterOutputs } from '@gametriggers/api';

/** The brand's wallet (`payment.wallet.summary`). */
export type WalletSummary = RouterOutputs['payment']['wallet']['summary'];
/** One page of wallet movements (`payment.wallet.transactions`). */
export type WalletTransactionsPage = RouterOutputs['payment']['wallet']['transactions'];
export type WalletTransaction = WalletTransactionsPage['items'][number];
