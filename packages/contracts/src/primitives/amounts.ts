import { z } from 'zod';

/** The largest amount of money any one field takes: $10,000,000 (it fits every cents column). */
export const MAX_AMOUNT_CENTS = 1_000_000_000;

/** Money is integer minor units (cents) everywhere; `$12.50` is 1250. */
export const centsSchema = z
  .number({ error: 'Enter an amount' })
  .int('Use whole cents')
  .nonnegative('Cannot be negative')
  .max(MAX_AMOUNT_CENTS, 'Amounts are at most $10,000,000');

/** A whole number of things (followers, impressions, participants) between `min` and `max`. */
export function countSchema(options: { what: string; min?: number; max: number }) {
  const min = options.min ?? 0;
  return z
    .number({ error: `Enter the ${options.what}` })
    .int('Use a whole number')
    .min(min, min === 0 ? 'Cannot be negative' : `At least ${min.toLocaleString('en-US')}`)
    .max(options.max, `At most ${options.max.toLocaleString('en-US')}`);
}
