import { formatCents, parseAmountToCents } from '@gametriggers/contracts';

/** The rules a withdrawal must fit, as the payment service reports them for this streamer today. */
export interface WithdrawalLimits {
  minCents: number;
  /** What the daily limit still allows today (UTC). */
  leftTodayCents: number;
  /** What the monthly limit still allows this month (UTC). */
  leftThisMonthCents: number;
  /** Larger withdrawals wait for a person at Gametriggers to approve them. */
  approvalAboveCents: number;
}

export type WithdrawalRoom =
  | { ok: true; maxCents: number }
  | { ok: false; reason: string };

/** How much can be withdrawn right now, or why nothing can. */
export function withdrawalRoom(availableCents: number, limits: WithdrawalLimits): WithdrawalRoom {
  const maxCents = Math.min(availableCents, limits.leftTodayCents, limits.leftThisMonthCents);
  if (maxCents >= limits.minCents) return { ok: true, maxCents };
  if (availableCents < limits.minCents) {
    return {
      ok: false,
      reason: `You can withdraw once at least ${formatCents(limits.minCents)} is available; you have ${formatCents(availableCents)}.`,
    };
  }
  if (limits.leftThisMonthCents < limits.minCents) {
    return { ok: false, reason: 'You have reached this month’s withdrawal limit. It resets on the 1st (UTC).' };
  }
  return { ok: false, reason: 'You have reached today’s withdrawal limit. It resets at midnight UTC.' };
}

export type WithdrawalAmount =
  | { ok: true; cents: number; needsApproval: boolean }
  | { ok: false; message: string };

/** A typed amount checked against the balance and the limits, with the limit it breaks named. */
export function withdrawalAmountOf(text: string, availableCents: number, limits: WithdrawalLimits): WithdrawalAmount {
  if (!text.trim()) return { ok: false, message: 'Enter an amount' };
  const cents = parseAmountToCents(text);
  if (cents === undefined) return { ok: false, message: 'Enter an amount in dollars, like 50 or 12.50' };
  if (cents < limits.minCents) return { ok: false, message: `Withdraw at least ${formatCents(limits.minCents)}` };
  if (cents > availableCents) return { ok: false, message: `You have ${formatCents(availableCents)} available` };
  if (cents > limits.leftTodayCents) {
    return { ok: false, message: `Today you can withdraw up to ${formatCents(limits.leftTodayCents)} more` };
  }
  if (cents > limits.leftThisMonthCents) {
    return { ok: false, message: `This month you can withdraw up to ${formatCents(limits.leftThisMonthCents)} more` };
  }
  return { ok: true, cents, needsApproval: cents > limits.approvalAboveCents };
}
