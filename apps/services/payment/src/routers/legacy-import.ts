import { centsSchema, currencySchema, idSchema, legacyIdSchema } from '@gametriggers/contracts';
import { legacyImportProcedure, router } from '@gametriggers/trpc';
import { z } from 'zod';
import type { PaymentDeps } from '../deps';
import { openLegacyBalances } from '../money/legacy-openings';

const legacyOpeningInput = z.object({
  legacyWalletId: legacyIdSchema,
  ownerId: idSchema('owner'),
  currency: currencySchema,
  entries: z
    .array(
      z.object({
        account: z.enum([
          'brand_wallet',
          'streamer_earnings_available',
          'streamer_earnings_pending',
        ]),
        amountCents: centsSchema,
      }),
    )
    .max(3),
});

/** `payment.legacyImport.*`: the old platform's balances coming over (`pnpm import:legacy`); the importer alone. */
export function legacyImportRouter(deps: PaymentDeps) {
  return router({
    /** Opens what an old wallet owed, to the cent, once per old wallet and account. */
    openingBalance: legacyImportProcedure
      .input(legacyOpeningInput)
      .output(
        z.object({ outcome: z.enum(['created', 'unchanged']), openedCents: z.number().int() }),
      )
      .mutation(({ input }) => deps.transaction((tx) => openLegacyBalances(tx, deps, input))),
  });
}
