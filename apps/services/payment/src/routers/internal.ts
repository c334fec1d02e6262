import {
  adjustCampaignBudgetInputSchema,
  campaignBudgetInputSchema,
  campaignBudgetSchema,
  reserveCampaignBudgetInputSchema,
} from '@gametriggers/contracts';
import { internalProcedure, router } from '@gametriggers/trpc';
import { z } from 'zod';
import type { PaymentDeps } from '../deps';
import {
  adjustCampaignBudget,
  campaignBudget,
  reserveCampaignBudget,
} from '../money/campaign-budget';

const reservedOutput = z.object({ reservedCents: z.number().int().nonnegative() });

/** `payment.internal.*`: called by the campaign service with its service credentials. */
export function internalRouter(deps: PaymentDeps) {
  return router({
    reserveCampaignBudget: internalProcedure
      .input(reserveCampaignBudgetInputSchema)
      .output(reservedOutput)
      .mutation(({ input }) => deps.transaction((tx) => reserveCampaignBudget(tx, deps, input))),

    adjustCampaignBudget: internalProcedure
      .input(adjustCampaignBudgetInputSchema)
      .output(reservedOutput)
      .mutation(({ input }) => deps.transaction((tx) => adjustCampaignBudget(tx, deps, input))),

    campaignBudget: internalProcedure
      .input(campaignBudgetInputSchema)
      .output(campaignBudgetSchema)
      .query(({ input }) => deps.transaction((tx) => campaignBudget(tx, input.campaignId))),
  });
}
