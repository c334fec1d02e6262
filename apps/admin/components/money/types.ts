import type { RouterOutputs } from '@gametriggers/api';

type MoneyAdmin = RouterOutputs['payment']['admin'];
/** One page of brand wallets or streamer earnings accounts (`payment.admin.wallets.list`). */
export type MoneyAccountsPage = MoneyAdmin['wallets']['list'];
export type MoneyAccount = MoneyAccountsPage['items'][number];
export type MoneyAccountDetail = MoneyAdmin['wallets']['get'];
export type FinancialReport = MoneyAdmin['reports']['financial'];
export type PendingWithdrawal = MoneyAdmin['withdrawals']['pending'][number];
export type Reconciliation = NonNullable<MoneyAdmin['reconciliation']['latest']>;
