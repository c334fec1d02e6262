import { moneyHolderSchema } from '@gametriggers/contracts';
import { z } from 'zod';

const centsOut = z.number().int().nonnegative();

export const moneyAccountOutput = z.object({
  holder: moneyHolderSchema,
  ownerId: z.uuid(),
  currency: z.literal('USD'),
  availableCents: centsOut,
  reservedCents: centsOut,
  pendingCents: centsOut,
  lastActivityAt: z.date().nullable(),
  frozen: z.boolean(),
  frozenReason: z.string().nullable(),
  frozenAt: z.date().nullable(),
});

export const moneyAccountsPageOutput = z.object({
  items: z.array(moneyAccountOutput),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});

export const moneyAccountDetailOutput = moneyAccountOutput.extend({
  frozenBy: z.string().nullable(),
  recentEntries: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      account: z.enum(['available', 'pending']),
      direction: z.enum(['in', 'out']),
      amountCents: centsOut,
      balanceAfterCents: z.number().int(),
      pending: z.boolean(),
      reason: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
});

export const moneyAdjustmentOutput = z.object({
  entryId: z.string(),
  replayed: z.boolean(),
  availableCents: centsOut,
});

export const moneyFreezeOutput = z.object({
  holder: moneyHolderSchema,
  ownerId: z.uuid(),
  frozen: z.boolean(),
  frozenAt: z.date().nullable(),
});

const flowsOut = {
  depositsCents: centsOut,
  spendCents: centsOut,
  platformFeesCents: centsOut,
  payoutsCents: centsOut,
  refundsCents: centsOut,
  adjustmentsCents: z.number().int(),
  brandFundsHeldCents: centsOut,
  streamerEarningsOwedCents: centsOut,
};

export const financialReportOutput = z.object({
  from: z.date(),
  to: z.date(),
  granularity: z.enum(['day', 'month']),
  currency: z.literal('USD'),
  periods: z.array(z.object({ period: z.string(), startsAt: z.date(), ...flowsOut })),
  totals: z.object(flowsOut),
});
