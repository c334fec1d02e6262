import {
  autoTopUpInputSchema,
  createTopUpInputSchema,
  downloadableFileSchema,
  invoiceInputSchema,
  listLimitInputSchema,
  refundRequestInputSchema,
  savedCardInputSchema,
} from '@gametriggers/contracts';
import { brandProcedure as brandOnly, router } from '@gametriggers/trpc';
import { z } from 'zod';
import { autoTopUpSettings, setAutoTopUp } from '../checkout/auto-top-up';
import { removeSavedCard, savedCards } from '../checkout/saved-cards';
import { createTopUp } from '../checkout/top-ups';
import type { PaymentDeps } from '../deps';
import { stripeOutages } from '../stripe/stripe-outages';
import {
  autoTopUpOutput,
  invoiceSummaryOutput,
  paymentFailureOutput,
  refundOutput,
  savedCardOutput,
  topUpOutput,
} from '../flow-schemas';
import { brandInvoices, invoicePdf } from '../invoices/invoices';
import { brandRefunds, requestRefund } from '../refunds/refund-requests';

/** `payment.billing.*`: the calling brand's top-ups, cards, refunds and invoices (never another brand's). */
export function billingRouter(deps: PaymentDeps) {
  const brandProcedure = brandOnly.use(stripeOutages);
  return router({
    createTopUp: brandProcedure
      .input(createTopUpInputSchema)
      .output(topUpOutput)
      .mutation(({ ctx, input }) => createTopUp(deps, ctx.caller.userId, input)),

    savedCards: brandProcedure.output(z.array(savedCardOutput)).query(({ ctx }) => savedCards(deps, ctx.caller.userId)),

    removeSavedCard: brandProcedure
      .input(savedCardInputSchema)
      .output(z.object({ removed: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        await removeSavedCard(deps, ctx.caller.userId, input.paymentMethodId);
        return { removed: true as const };
      }),

    autoTopUp: brandProcedure.output(autoTopUpOutput).query(({ ctx }) => autoTopUpSettings(deps, ctx.caller.userId)),

    setAutoTopUp: brandProcedure
      .input(autoTopUpInputSchema)
      .output(autoTopUpOutput)
      .mutation(({ ctx, input }) => setAutoTopUp(deps, ctx.caller.userId, input)),

    paymentFailures: brandProcedure
      .input(listLimitInputSchema)
      .output(z.array(paymentFailureOutput))
      .query(async ({ ctx, input }) => {
        const rows = await deps.db.paymentFailure.findMany({
          where: { brandId: ctx.caller.userId },
          orderBy: { failedAt: 'desc' },
          take: input.limit,
        });
        return rows.map((row) => ({ ...row, amountCents: Number(row.amountCents) }));
      }),

    requestRefund: brandProcedure
      .input(refundRequestInputSchema)
      .output(z.object({ requestId: z.uuid(), refunds: z.array(refundOutput) }))
      .mutation(({ ctx, input }) => requestRefund(deps, ctx.caller.userId, input.amountCents)),

    refunds: brandProcedure
      .input(listLimitInputSchema)
      .output(z.array(refundOutput))
      .query(({ ctx, input }) => brandRefunds(deps, ctx.caller.userId, input.limit)),

    invoices: brandProcedure
      .input(listLimitInputSchema)
      .output(z.array(invoiceSummaryOutput))
      .query(({ ctx, input }) => brandInvoices(deps, ctx.caller.userId, input.limit)),

    /** The invoice PDF as base64 (the portal saves it as a file). */
    invoicePdf: brandProcedure
      .input(invoiceInputSchema)
      .output(downloadableFileSchema)
      .query(async ({ ctx, input }) => {
        const { fileName, pdf } = await invoicePdf(deps, ctx.caller.userId, input.invoiceNumber);
        return { fileName, contentType: 'application/pdf', base64: pdf.toString('base64') };
      }),
  });
}
