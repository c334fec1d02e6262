import { walletTransactionKindSchema } from '@gametriggers/contracts';
import { z } from 'zod';

const centsOut = z.number().int().nonnegative();

export const walletSummaryOutput = z.object({
  currency: z.string(),
  availableCents: centsOut,
  reservedCents: centsOut,
  spentCents: centsOut,
  campaigns: z.array(
    z.object({
      campaignId: z.uuid(),
      reservedCents: centsOut,
      spentCents: centsOut,
      leftCents: centsOut,
    }),
  ),
});

export const walletTransactionsOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: walletTransactionKindSchema,
      direction: z.enum(['in', 'out']),
      amountCents: centsOut,
      balanceAfterCents: z.number().int(),
      pending: z.boolean(),
      campaignId: z.uuid().nullable(),
      createdAt: z.date(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const earningsSummaryOutput = z.object({
  currency: z.string(),
  pendingCents: centsOut,
  availableCents: centsOut,
  withdrawingCents: centsOut,
  pendingLots: z.array(
    z.object({
      campaignId: z.uuid(),
      amountCents: centsOut,
      earnedAt: z.date(),
      availableAt: z.date(),
    }),
  ),
});

export const earningsOverTimeOutput = z.array(z.object({ day: z.string(), earnedCents: centsOut }));

export const earningsByCampaignOutput = z.array(
  z.object({
    campaignId: z.uuid(),
    earnedCents: centsOut,
    pendingCents: centsOut,
    lastEarnedAt: z.date(),
  }),
);

export const ledgerCheckOutput = z.object({
  entries: z.number().int(),
  accounts: z.number().int(),
  problems: z.array(z.object({ kind: z.string(), detail: z.string() })),
});
