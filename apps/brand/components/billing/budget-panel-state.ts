import type { CampaignBudget, CampaignStatus } from '@gametriggers/contracts';

export type BudgetPanelState =
  /** Approved: the budget sits in the campaign's escrow and is drawn as it delivers. */
  | { kind: 'reserved'; budget: CampaignBudget; ended: boolean; releasedCents: number }
  /**
   * Not approved yet: approval reserves the budget, so the wallet must hold it by then.
   * `refusedShortByCents`: an approval was already refused for a wallet this much short.
   */
  | {
      kind: 'awaiting_approval';
      budgetCents: number;
      availableCents: number | null;
      shortByCents: number;
      refusedShortByCents: number | null;
    }
  /** Approved, yet the payment service has no reservation for it (approved before payments). */
  | { kind: 'not_reserved' }
  /** Rejected or cancelled before approval: no money was ever reserved. */
  | { kind: 'nothing_reserved' };

/**
 * What the campaign page's budget panel says, from the campaign, its reservation (null when the
 * payment service has none) and the wallet's available money (null when it could not be read).
 */
export function budgetPanelStateOf(facts: {
  status: CampaignStatus;
  approved: boolean;
  budgetCents: number;
  /** Set when the last approval was refused because the wallet was short. */
  walletShortByCents: number | null;
  budget: CampaignBudget | null;
  availableCents: number | null;
}): BudgetPanelState {
  const { status, budget } = facts;
  if (budget) {
    const ended = status === 'completed' || status === 'cancelled';
    return {
      kind: 'reserved',
      budget,
      ended,
      releasedCents: ended ? Math.max(0, budget.reservedCents - budget.spentCents - budget.leftCents) : 0,
    };
  }
  if (facts.approved) return { kind: 'not_reserved' };
  if (status === 'draft' || status === 'pending_review') {
    const { availableCents } = facts;
    return {
      kind: 'awaiting_approval',
      budgetCents: facts.budgetCents,
      availableCents,
      shortByCents:
        availableCents === null
          ? (facts.walletShortByCents ?? 0)
          : Math.max(0, facts.budgetCents - availableCents),
      refusedShortByCents: facts.walletShortByCents,
    };
  }
  return { kind: 'nothing_reserved' };
}

/** The share of a reservation spent, 0–1, for the panel's bar. */
export const spentShare = (budget: CampaignBudget) =>
  budget.reservedCents === 0 ? 0 : Math.min(1, budget.spentCents / budget.reservedCents);
