import { router, t } from '@gametriggers/trpc';
import type { PaymentDeps } from './deps';
import { billingRouter } from './routers/billing';
import { dashboardRouter } from './routers/dashboard';
import { earningsRouter } from './routers/earnings';
import { flowsAdminRouter } from './routers/flows-admin';
import { internalRouter } from './routers/internal';
import { legacyImportRouter } from './routers/legacy-import';
import { ledgerAdminRouter } from './routers/ledger-admin';
import { moneyAdminRouter } from './routers/money-admin';
import { participationDisputesRouter } from './routers/participation-disputes';
import { statementsRouter } from './routers/statements';
import { walletRouter } from './routers/wallet';
import { payoutsRouter, withdrawalsRouter } from './routers/withdrawals';

/** Merges the areas' routers (each helper owns its `routers/<area>.ts`). */
export function createPaymentRouter(deps: PaymentDeps) {
  return router({
    payment: router({
      wallet: walletRouter(deps),
      earnings: earningsRouter(deps),
      ledger: ledgerAdminRouter(deps),
      internal: internalRouter(deps),
      legacyImport: legacyImportRouter(deps),
      billing: billingRouter(deps),
      payouts: payoutsRouter(deps),
      withdrawals: withdrawalsRouter(deps),
      statements: statementsRouter(deps),
      admin: t.mergeRouters(flowsAdminRouter(deps), moneyAdminRouter(deps)),
      disputes: participationDisputesRouter(deps),
      dashboard: dashboardRouter(deps),
    }),
  });
}

export type PaymentRouter = ReturnType<typeof createPaymentRouter>;
