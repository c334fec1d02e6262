import { centsSchema, formatCents, parseAmountToCents } from '@gametriggers/contracts';

/** Amounts offered with one tap; any other can be typed. */
export const TOP_UP_PRESETS_CENTS = [10_000, 50_000, 100_000] as const;

/** Below this a card payment costs more in fees than it is worth. */
export const MIN_TOP_UP_CENTS = 1_000;

const topUpCentsSchema = centsSchema.min(MIN_TOP_UP_CENTS, `Top up at least ${formatCents(MIN_TOP_UP_CENTS)}`);

export type TopUpAmount = { ok: true; cents: number } | { ok: false; message: string };

/** The amount a brand typed (`250`, `1,000.50`, `$99`) as cents, or what is wrong with it. */
export function topUpAmountOf(text: string): TopUpAmount {
  if (!text.trim()) return { ok: false, message: 'Enter an amount' };
  const cents = parseAmountToCents(text);
  if (cents === undefined) return { ok: false, message: 'Enter an amount in dollars, like 250 or 99.50' };
  const parsed = topUpCentsSchema.safeParse(cents);
  return parsed.success ? { ok: true, cents: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message };
}
