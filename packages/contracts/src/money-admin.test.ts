import { describe, expect, it } from 'vitest';
import { financialReportInputSchema, ledgerEntryKindLabel, moneyAdjustmentInputSchema } from './money-admin';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('financialReportInputSchema', () => {
  it('takes a year of days or ten years of months, forwards only', () => {
    expect(financialReportInputSchema.parse({ from: day(0), to: day(366) }).granularity).toBe('day');
    expect(financialReportInputSchema.safeParse({ from: day(0), to: day(367) }).success).toBe(false);
    expect(financialReportInputSchema.safeParse({ from: day(0), to: day(3660), granularity: 'month' }).success).toBe(true);
    expect(financialReportInputSchema.safeParse({ from: day(0), to: day(3661), granularity: 'month' }).success).toBe(false);
    expect(financialReportInputSchema.safeParse({ from: day(1), to: day(1) }).success).toBe(false);
  });
});

describe('moneyAdjustmentInputSchema', () => {
  const valid = {
    holder: 'brand',
    ownerId: '7f1c1b5e-4a43-4d4c-9a55-4f1a1b2c3d4e',
    direction: 'credit',
    amountCents: 1,
    reason: 'Goodwill',
    idempotencyKey: 'a3f1c2d4-key',
  };

  it('needs at least a cent, a reason and a key', () => {
    expect(moneyAdjustmentInputSchema.safeParse(valid).success).toBe(true);
    expect(moneyAdjustmentInputSchema.safeParse({ ...valid, amountCents: 0 }).success).toBe(false);
    expect(moneyAdjustmentInputSchema.safeParse({ ...valid, reason: '  ok ' }).success).toBe(false);
    expect(moneyAdjustmentInputSchema.safeParse({ ...valid, idempotencyKey: 'short' }).success).toBe(false);
  });
});

it('names journal entry kinds, and unknown ones readably', () => {
  expect(ledgerEntryKindLabel('adjustment')).toBe('Adjustment by Gametriggers');
  expect(ledgerEntryKindLabel('some_new_kind')).toBe('some new kind');
});
