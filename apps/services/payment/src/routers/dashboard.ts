import { platformStatsRangeSchema } from '@gametriggers/contracts';
import { adminProcedure, router } from '@gametriggers/trpc';
import { z } from 'zod';
import type { PaymentDeps } from '../deps';
import { platformRevenue } from '../views/platform-revenue';

const revenueOutput = z.object({
  spendCents: z.number().int(),
  feeCents: z.number().int(),
  series: z.array(
    z.object({ bucketStart: z.date(), spendCents: z.number().int(), feeCents: z.number().int() }),
  ),
});

/** `payment.dashboard.*`: the admin dashboard's money figures, for admins who see the finances. */
export function dashboardRouter(deps: PaymentDeps) {
  return router({
    revenue: adminProcedure('canViewFinancials')
      .input(platformStatsRangeSchema)
      .output(revenueOutput)
      .query(({ input }) => deps.transaction((tx) => platformRevenue(tx, input))),
  });
}
