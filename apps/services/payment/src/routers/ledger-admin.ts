import { adminProcedure, router } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';
import { checkLedger } from '../ledger/ledger-check';
import { ledgerCheckOutput } from '../schemas';

/** `payment.ledger.*`: the ledger's own health, for admins who see the finances. */
export function ledgerAdminRouter(deps: PaymentDeps) {
  return router({
    check: adminProcedure('canViewFinancials')
      .output(ledgerCheckOutput)
      .query(() => deps.transaction((tx) => checkLedger(tx))),
  });
}
