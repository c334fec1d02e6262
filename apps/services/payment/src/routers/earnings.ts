import { earningsOverTimeInputSchema } from '@gametriggers/contracts';
import { router, streamerProcedure } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';
import {
  earningsByCampaignOutput,
  earningsOverTimeOutput,
  earningsSummaryOutput,
} from '../schemas';
import { earningsByCampaign, earningsOverTime, earningsSummary } from '../views/earnings';

/** `payment.earnings.*`: a streamer's own earnings (the caller's; never another streamer's). */
export function earningsRouter(deps: PaymentDeps) {
  return router({
    summary: streamerProcedure
      .output(earningsSummaryOutput)
      .query(({ ctx }) => deps.transaction((tx) => earningsSummary(tx, ctx.caller.userId))),

    overTime: streamerProcedure
      .input(earningsOverTimeInputSchema)
      .output(earningsOverTimeOutput)
      .query(({ ctx, input }) =>
        deps.transaction((tx) => earningsOverTime(tx, ctx.caller.userId, input)),
      ),

    byCampaign: streamerProcedure
      .output(earningsByCampaignOutput)
      .query(({ ctx }) => deps.transaction((tx) => earningsByCampaign(tx, ctx.caller.userId))),
  });
}
