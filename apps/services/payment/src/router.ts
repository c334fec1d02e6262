import { router } from '@gametriggers/trpc';
import type { PaymentDeps } from './deps';
import { internalRouter } from './routers/internal';

/** Merges the areas' routers (each helper owns its `routers/<area>.ts`). */
export function createPaymentRouter(deps: PaymentDeps) {
  return router({
    payment: router({
      internal: internalRouter(deps),
    }),
  });
}

export type PaymentRouter = ReturnType<typeof createPaymentRouter>;
