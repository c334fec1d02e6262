import { listLimitInputSchema, rejectWithdrawalInputSchema, withdrawalIdInputSchema } from '@gametriggers/contracts';
import { adminActorOf, adminProcedure, router } from '@gametriggers/trpc';
import { z } from 'zod';
import type { PaymentDeps } from '../deps';
import { pendingWithdrawalOutput, reconciliationOutput, withdrawalOutput } from '../flow-schemas';
import { approveWithdrawal, rejectWithdrawal, withdrawalsAwaitingApproval } from '../payouts/withdrawals';
import { latestReconciliation, reconcile } from '../reconciliation/reconcile';

/** `payment.admin.*`: large withdrawals and reconciliation, for admins who see the finances. */
export function flowsAdminRouter(deps: PaymentDeps) {
  const finance = adminProcedure('canViewFinancials');
  return router({
    withdrawals: router({
      pending: finance
        .input(listLimitInputSchema)
        .output(z.array(pendingWithdrawalOutput))
        .query(({ input }) => withdrawalsAwaitingApproval(deps, input.limit)),
      approve: finance
        .input(withdrawalIdInputSchema)
        .output(withdrawalOutput)
        .mutation(({ ctx, input }) => approveWithdrawal(deps, adminActorOf(ctx), input.withdrawalId)),
      reject: finance
        .input(rejectWithdrawalInputSchema)
        .output(withdrawalOutput)
        .mutation(({ ctx, input }) => rejectWithdrawal(deps, adminActorOf(ctx), input.withdrawalId, input.reason)),
    }),
    reconciliation: router({
      run: finance.output(reconciliationOutput).mutation(({ ctx }) => reconcile(deps, adminActorOf(ctx))),
      latest: finance.output(reconciliationOutput.nullable()).query(() => latestReconciliation(deps)),
    }),
  });
}
