import { z } from 'zod';

// Outputs of the Stripe-facing procedures (explicit, so nothing else leaks).

export const redirectOutput = z.object({ url: z.string() });
export const topUpOutput = z.object({ topUpId: z.uuid(), url: z.string() });

export const savedCardOutput = z.object({
  id: z.string(),
  brand: z.string(),
  last4: z.string(),
  expMonth: z.number().int(),
  expYear: z.number().int(),
});

export const autoTopUpOutput = z.object({
  enabled: z.boolean(),
  thresholdCents: z.number().int(),
  amountCents: z.number().int(),
  paymentMethodId: z.string().nullable(),
  disabledReason: z.string().nullable(),
});

export const paymentFailureOutput = z.object({
  paymentIntentId: z.string(),
  amountCents: z.number().int(),
  code: z.string(),
  message: z.string(),
  failedAt: z.date(),
});

export const refundOutput = z.object({
  id: z.uuid(),
  paymentIntentId: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  failureReason: z.string().nullable(),
  createdAt: z.date(),
});

export const invoiceSummaryOutput = z.object({
  invoiceNumber: z.number().int(),
  number: z.string(),
  paymentIntentId: z.string(),
  amountCents: z.number().int(),
  refundedCents: z.number().int(),
  currency: z.string(),
  paidAt: z.date(),
});

export const payoutAccountOutput = z.object({
  connected: z.boolean(),
  detailsSubmitted: z.boolean(),
  payoutsEnabled: z.boolean(),
});

export const withdrawalOutput = z.object({
  id: z.uuid(),
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(['awaiting_approval', 'transferring', 'in_transit', 'paid', 'failed', 'rejected']),
  failureReason: z.string().nullable(),
  requestedAt: z.date(),
  settledAt: z.date().nullable(),
});

export const pendingWithdrawalOutput = withdrawalOutput.extend({ streamerId: z.uuid() });

export const withdrawalLimitsOutput = z.object({
  minCents: z.number().int(),
  dailyCents: z.number().int(),
  monthlyCents: z.number().int(),
  approvalCents: z.number().int(),
  usedTodayCents: z.number().int(),
  usedThisMonthCents: z.number().int(),
  leftTodayCents: z.number().int(),
  leftThisMonthCents: z.number().int(),
});

export const reconciliationOutput = z.object({
  id: z.uuid(),
  ranAt: z.date(),
  eventsChecked: z.number().int(),
  differences: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
});
