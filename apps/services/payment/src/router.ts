import { router } from '@gametriggers/trpc';
import type { PaymentDeps } from './deps';
import { earningsRouter } from './routers/earnings';
import { internalRouter } from './routers/internal';
import { ledgerAdminRouter } from './routers/ledger-admin';
import { walletRouter } from './routers/wallet';

/** Merges the areas' routers (each helper owns its `routers/<area>.ts`). */
export function createPaymentRouter(deps: PaymentDeps) {
  return router({
    payment: router({
      wallet: walletRouter(deps),
      earnings: earningsRouter(deps),
      ledger: ledgerAdminRouter(deps),
      internal: internalRouter(deps),
    }),
  });
}

export type PaymentRouter = ReturnType<typeof createPaymentRouter>;
