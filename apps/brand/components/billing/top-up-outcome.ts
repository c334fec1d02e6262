/** How recent a deposit must be to be the one the brand just paid for. */
const JUST_PAID_MS = 15 * 60_000;

export type TopUpOutcome =
  | { kind: 'credited'; amountCents: number }
  /** Paid on the checkout page; the confirmation (webhook) has not credited the wallet yet. */
  | { kind: 'confirming' }
  | { kind: 'cancelled' };

/**
 * What to tell a brand coming back from the checkout page (`/billing?topUp=paid|cancelled`),
 * given its newest deposit: the amount once credited, or that it is still being confirmed.
 */
export function topUpOutcomeOf(
  param: string | string[] | undefined,
  latestDeposit: { amountCents: number; createdAt: Date } | null,
  now: Date,
): TopUpOutcome | null {
  const value = Array.isArray(param) ? param[0] : param;
  if (value === 'cancelled') return { kind: 'cancelled' };
  if (value !== 'paid') return null;
  if (latestDeposit && now.getTime() - latestDeposit.createdAt.getTime() <= JUST_PAID_MS) {
    return { kind: 'credited', amountCents: latestDeposit.amountCents };
  }
  return { kind: 'confirming' };
}
