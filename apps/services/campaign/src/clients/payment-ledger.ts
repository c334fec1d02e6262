import type { AdjustCampaignBudgetInput, ReserveCampaignBudgetInput } from '@gametriggers/contracts';
import { WALLET_SHORT_REASON } from '@gametriggers/contracts';
import type { PaymentRouter } from '@gametriggers/payment-service/router';
import { DomainError, createServiceClient } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

/**
 * What the campaign service asks of the payment ledger: moving a campaign's budget between the
 * brand's wallet and the campaign's escrow. Both refuse with `walletShort` when the wallet lacks
 * the money.
 */
export interface BudgetReserver {
  reserve(input: ReserveCampaignBudgetInput): Promise<{ reservedCents: number }>;
  adjust(input: AdjustCampaignBudgetInput): Promise<{ reservedCents: number }>;
}

/** The refusal the admin (approving) and the brand (editing a live budget) see. */
export function walletShort(message: string, shortByCents: number) {
  return new DomainError('precondition_failed', WALLET_SHORT_REASON, message, { shortByCents });
}

/** How much the wallet lacked, when `error` is a `walletShort` refusal; otherwise null. */
export function walletShortByCents(error: unknown): number | null {
  if (!(error instanceof DomainError) || error.reason !== WALLET_SHORT_REASON) return null;
  const shortBy = error.details?.shortByCents;
  return typeof shortBy === 'number' ? shortBy : null;
}

const walletShortData = z.object({
  reason: z.literal(WALLET_SHORT_REASON),
  details: z.object({ shortByCents: z.number().int().positive() }),
});

/** The payment service's own refusal, passed on as ours; anything else stays a fault. */
function passOnWalletShort(error: unknown): never {
  if (error instanceof TRPCClientError) {
    const short = walletShortData.safeParse(error.data);
    if (short.success) throw walletShort(error.message, short.data.details.shortByCents);
  }
  throw error;
}

export function createPaymentLedger(options: { url: string; secret: string }): BudgetReserver {
  const client = createServiceClient<PaymentRouter>({ ...options, caller: 'campaign' });
  return {
    reserve: (input) => client.payment.internal.reserveCampaignBudget.mutate(input).catch(passOnWalletShort),
    adjust: (input) => client.payment.internal.adjustCampaignBudget.mutate(input).catch(passOnWalletShort),
  };
}
