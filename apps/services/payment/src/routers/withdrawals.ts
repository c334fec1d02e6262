import { listLimitInputSchema, withdrawalRequestInputSchema } from '@gametriggers/contracts';
import { router, streamerProcedure as streamerOnly } from '@gametriggers/trpc';
import { z } from 'zod';
import type { PaymentDeps } from '../deps';
import { stripeOutages } from '../stripe/stripe-outages';

const streamerProcedure = streamerOnly.use(stripeOutages);
import { payoutAccountOutput, redirectOutput, withdrawalLimitsOutput, withdrawalOutput } from '../flow-schemas';
import { payoutAccountStatus, startOnboarding } from '../payouts/payout-accounts';
import { withdrawalLimits } from '../payouts/withdrawal-limits';
import { requestWithdrawal, streamerWithdrawals } from '../payouts/withdrawals';

/** `payment.payouts.*`: the calling streamer's payout account (Stripe Express). */
export function payoutsRouter(deps: PaymentDeps) {
  return router({
    account: streamerProcedure.output(payoutAccountOutput).query(({ ctx }) => payoutAccountStatus(deps, ctx.caller.userId)),
    startOnboarding: streamerProcedure.output(redirectOutput).mutation(({ ctx }) => startOnboarding(deps, ctx.caller.userId)),
  });
}

/** `payment.withdrawals.*`: the calling streamer's withdrawals (never another streamer's). */
export function withdrawalsRouter(deps: PaymentDeps) {
  return router({
    request: streamerProcedure
      .input(withdrawalRequestInputSchema)
      .output(withdrawalOutput)
      .mutation(({ ctx, input }) => requestWithdrawal(deps, ctx.caller.userId, input.amountCents)),
    list: streamerProcedure
      .input(listLimitInputSchema)
      .output(z.array(withdrawalOutput))
      .query(({ ctx, input }) => streamerWithdrawals(deps, ctx.caller.userId, input.limit)),
    limits: streamerProcedure
      .output(withdrawalLimitsOutput)
      .query(async ({ ctx }) => {
        const config = await deps.platformConfig.get();
        return deps.transaction((tx) => withdrawalLimits(tx, config, ctx.caller.userId, deps.now()));
      }),
  });
}
