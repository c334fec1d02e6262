import { MAX_TOP_UP_CENTS, MIN_TOP_UP_CENTS } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { topUpAmounts } from './demo-wallets';

describe('demo top-ups', () => {
  it('pays any total in the fewest top-ups Checkout accepts, to the cent', () => {
    for (const total of [MIN_TOP_UP_CENTS, 150_000, MAX_TOP_UP_CENTS, MAX_TOP_UP_CENTS + 1, 3 * MAX_TOP_UP_CENTS - 7]) {
      const amounts = topUpAmounts(total);
      expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(total);
      expect(amounts).toHaveLength(Math.ceil(total / MAX_TOP_UP_CENTS));
      for (const amount of amounts) {
        expect(amount).toBeGreaterThanOrEqual(MIN_TOP_UP_CENTS);
        expect(amount).toBeLessThanOrEqual(MAX_TOP_UP_CENTS);
      }
    }
  });

});
