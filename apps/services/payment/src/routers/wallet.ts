import {
  campaignBudgetInputSchema,
  campaignBudgetSchema,
  walletTransactionsInputSchema,
} from '@gametriggers/contracts';
import { brandProcedure, router } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';
import { walletSummaryOutput, walletTransactionsOutput } from '../schemas';
import { brandCampaignBudget, walletSummary, walletTransactions } from '../views/wallet';

/** `payment.wallet.*`: a brand's own wallet (the caller's; never another brand's). */
export function walletRouter(deps: PaymentDeps) {
  return router({
    summary: brandProcedure
      .output(walletSummaryOutput)
      .query(({ ctx }) => deps.transaction((tx) => walletSummary(tx, ctx.caller.userId))),

    transactions: brandProcedure
      .input(walletTransactionsInputSchema)
      .output(walletTransactionsOutput)
      .query(({ ctx, input }) =>
        deps.transaction((tx) => walletTransactions(tx, ctx.caller.userId, input)),
      ),

    campaignBudget: brandProcedure
      .input(campaignBudgetInputSchema)
      .output(campaignBudgetSchema)
      .query(({ ctx, input }) =>
        deps.transaction((tx) => brandCampaignBudget(tx, ctx.caller.userId, input.campaignId)),
      ),
  });
}
