import type { AdjustCampaignBudgetInput, ReserveCampaignBudgetInput } from '@gametriggers/contracts';
import { formatCents } from '@gametriggers/contracts';
import type { BudgetReserver } from '../clients/payment-ledger';
import { walletShort } from '../clients/payment-ledger';

/**
 * A stand-in for the payment ledger in tests that are not about money: every brand's wallet holds
 * `walletCents` (default: more than any test budget). It keeps what it reserved per campaign, and
 * refuses like the real ledger when a brand's reservations would exceed its wallet.
 */
export function fundedWallets(walletCents = Number.MAX_SAFE_INTEGER) {
  const reservations = new Map<string, ReserveCampaignBudgetInput>();
  const reservedBy = (brandId: string) =>
    [...reservations.values()]
      .filter((reservation) => reservation.brandId === brandId)
      .reduce((sum, reservation) => sum + reservation.budgetCents, 0);
  const refuseShort = (brandId: string, moreCents: number) => {
    const shortBy = reservedBy(brandId) + moreCents - walletCents;
    if (shortBy > 0) throw walletShort(`The brand's wallet is short by ${formatCents(shortBy)}`, shortBy);
  };
  const ledger: BudgetReserver & { reservations: ReadonlyMap<string, ReserveCampaignBudgetInput> } = {
    reservations,
    reserve: async (input: ReserveCampaignBudgetInput) => {
      await Promise.resolve(); // answers later, as a real call does
      const existing = reservations.get(input.campaignId);
      if (existing) return { reservedCents: existing.budgetCents };
      refuseShort(input.brandId, input.budgetCents);
      reservations.set(input.campaignId, input);
      return { reservedCents: input.budgetCents };
    },
    adjust: async (input: AdjustCampaignBudgetInput) => {
      await Promise.resolve();
      const existing = reservations.get(input.campaignId);
      if (!existing) throw new Error(`No reservation for campaign ${input.campaignId}`);
      refuseShort(existing.brandId, input.budgetCents - existing.budgetCents);
      reservations.set(input.campaignId, { ...existing, budgetCents: input.budgetCents });
      return { reservedCents: input.budgetCents };
    },
  };
  return ledger;
}
