import type { RouterOutputs } from '@gametriggers/api';

/** The streamer's balances and pending lots (`payment.earnings.summary`). */
export type EarningsSummary = RouterOutputs['payment']['earnings']['summary'];
/** What each campaign earned the streamer (`payment.earnings.byCampaign`). */
export type EarningsByCampaign = RouterOutputs['payment']['earnings']['byCampaign'];
export type PayoutAccount = RouterOutputs['payment']['payouts']['account'];
export type Withdrawal = RouterOutputs['payment']['withdrawals']['list'][number];
export type WithdrawalLimitsReport = RouterOutputs['payment']['withdrawals']['limits'];
