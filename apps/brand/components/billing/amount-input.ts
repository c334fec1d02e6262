import { createTopUpInputSchema, parseAmountToCents } from '@gametriggers/contracts';
import type { z } from 'zod';

/** Amounts offered with one tap; any other can be typed. */
export const TOP_UP_PRESETS_CENTS = [10_000, 50_000, 100_000] as const;

export type AmountInput = { ok: true; cents: number } | { ok: false; message: string };

/**
 * Dollars typed by a person (`250`, `1,000.50`, `$99`) as cents, checked by the same schema the
 * payment service applies to that field, or what is wrong with them.
 */
export function amountInputOf(text: string, schema: z.ZodType<number>): AmountInput {
  if (!text.trim()) return { ok: false, message: 'Enter an amount' };
  const cents = parseAmountToCents(text);
  if (cents === undefined) return { ok: false, message: 'Enter an amount in dollars, like 250 or 99.50' };
  const parsed = schema.safeParse(cents);
  return parsed.success ? { ok: true, cents: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message };
}

export const topUpAmountOf = (text: string) => amountInputOf(text, createTopUpInputSchema.shape.amountCents);
