import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf } from './form-errors';
import { centsAsAmountText, formatCents, parseAmountToCents } from './money';

describe('money', () => {
  it('formats cents in the currency given', () => {
    expect(formatCents(1250)).toBe('$12.50');
    expect(formatCents(100_000, 'EUR')).toBe('€1,000.00');
  });

  it('reads amounts people type, and refuses what is not one', () => {
    expect(parseAmountToCents('12.5')).toBe(1250);
    expect(parseAmountToCents('$1,000')).toBe(100_000);
    expect(parseAmountToCents('0.07')).toBe(7);
    expect(parseAmountToCents('12.345')).toBeUndefined();
    expect(parseAmountToCents('ten')).toBeUndefined();
  });

  it('writes cents back as text a form field reads again', () => {
    expect(centsAsAmountText(25_000)).toBe('250.00');
    expect(centsAsAmountText(5)).toBe('0.05');
    expect(centsAsAmountText(0)).toBe('0.00');
    expect(centsAsAmountText(-1999)).toBe('-19.99');
    expect(centsAsAmountText(-5)).toBe('-0.05');
    for (const cents of [1, 99, 100, 12_345, 1_000_000_000]) {
      expect(parseAmountToCents(centsAsAmountText(cents))).toBe(cents);
    }
  });
});

describe('fieldErrorsOf', () => {
  it('keys messages by dotted path', () => {
    const schema = z.object({ pricing: z.object({ rateCents: z.number({ error: 'Enter a rate' }) }), title: z.string().min(3, 'Too short') });
    const result = schema.safeParse({ pricing: {}, title: 'a' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrorsOf(result.error)).toEqual({ 'pricing.rateCents': ['Enter a rate'], title: ['Too short'] });
    }
  });
});
