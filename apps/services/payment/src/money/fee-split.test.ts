import { describe, expect, it } from 'vitest';
import { shareByLargestRemainder } from './campaign-settlement';
import { hourPrice } from './charging';
import { splitCharge } from './fee-split';

describe('splitCharge', () => {
  it.each([
    [1000n, 2000, 200n, 800n],
    [1n, 2000, 0n, 1n],
    [4n, 2500, 1n, 3n],
    [999n, 2000, 199n, 800n],
    [1_000_000_000n, 2000, 200_000_000n, 800_000_000n],
    [1234n, 0, 0n, 1234n],
    [1234n, 10_000, 1234n, 0n],
  ])(
    'splits %i cents at %i bps into a fee of %i and earnings of %i',
    (amount, bps, fee, earnings) => {
      expect(splitCharge(amount, bps)).toEqual({ feeCents: fee, earningsCents: earnings });
    },
  );

  it('always adds back up to the charge, to the cent', () => {
    for (let amount = 0n; amount < 2000n; amount += 7n) {
      for (const bps of [0, 1, 1500, 2000, 3333, 9999]) {
        const { feeCents, earningsCents } = splitCharge(amount, bps);
        expect(feeCents + earningsCents).toBe(amount);
        expect(feeCents).toBeGreaterThanOrEqual(0n);
      }
    }
  });

  it('refuses a negative charge and a fee outside 0–100 %', () => {
    expect(() => splitCharge(-1n, 2000)).toThrow(RangeError);
    expect(() => splitCharge(1n, 10_001)).toThrow(RangeError);
    expect(() => splitCharge(1n, 12.5)).toThrow(RangeError);
  });
});

describe('hourPrice', () => {
  it('prices CPM on the whole hour, CPC per click, fixed fees at nothing per hour', () => {
    expect(hourPrice({ pricingModel: 'cpm', rateCents: 250n }, 1999, 5)).toBe(499n);
    expect(hourPrice({ pricingModel: 'cpc', rateCents: 40n }, 1999, 5)).toBe(200n);
    expect(hourPrice({ pricingModel: 'fixed', rateCents: 5000n }, 1999, 5)).toBe(0n);
  });
});

describe('shareByLargestRemainder', () => {
  it('gives every share its floor or ceiling and shares the whole pot', () => {
    const shares = shareByLargestRemainder(1000n, [
      { key: 'a', weight: 1n },
      { key: 'b', weight: 1n },
      { key: 'c', weight: 1n },
    ]);
    expect(shares).toEqual([
      { key: 'a', share: 334n },
      { key: 'b', share: 333n },
      { key: 'c', share: 333n },
    ]);
  });

  it('hands the leftover cents to the largest remainders', () => {
    // 100 × 5/8 = 62.5, 100 × 2/8 = 25, 100 × 1/8 = 12.5: one cent left, to the first .5.
    expect(
      shareByLargestRemainder(100n, [
        { key: 'x', weight: 1n },
        { key: 'y', weight: 5n },
        { key: 'z', weight: 2n },
      ]),
    ).toEqual([
      { key: 'x', share: 13n },
      { key: 'y', share: 62n },
      { key: 'z', share: 25n },
    ]);
  });

  it('shares nothing when nothing was delivered', () => {
    expect(shareByLargestRemainder(500n, [{ key: 'a', weight: 0n }])).toEqual([
      { key: 'a', share: 0n },
    ]);
  });
});
