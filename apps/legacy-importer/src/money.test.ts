import { describe, expect, it } from 'vitest';
import { DecimalText } from './extended-json';
import { amountInMillionths, formatCents, millionthsToCents } from './money';

describe('legacy amounts', () => {
  it('reads numbers, text and Decimal128 exactly', () => {
    expect(amountInMillionths(10.1)).toBe(10_100_000n);
    expect(amountInMillionths(0.1 + 0.2)).toBe(300_000n);
    expect(amountInMillionths('1,234.56')).toBe(1_234_560_000n);
    expect(amountInMillionths(new DecimalText('99999999999.123456789'))).toBe(
      99_999_999_999_123_457n,
    );
    expect(amountInMillionths(' 7 ')).toBe(7_000_000n);
    expect(amountInMillionths('-3.5')).toBe(-3_500_000n);
  });

  it('refuses what is not an amount', () => {
    expect(amountInMillionths('lots')).toBeUndefined();
    expect(amountInMillionths(Number.NaN)).toBeUndefined();
    expect(amountInMillionths(null)).toBeUndefined();
    expect(amountInMillionths('1e3')).toBeUndefined();
  });

  it('rounds sub-cent rests half to even', () => {
    expect(millionthsToCents(10_005_000n)).toBe(1000n);
    expect(millionthsToCents(10_015_000n)).toBe(1002n);
    expect(millionthsToCents(10_005_001n)).toBe(1001n);
    expect(millionthsToCents(-10_015_000n)).toBe(-1002n);
    expect(formatCents(123_456n)).toBe('1234.56');
    expect(formatCents(-5n)).toBe('-0.05');
  });
});
