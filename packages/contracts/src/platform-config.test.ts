import { describe, expect, it } from 'vitest';
import {
  defaultPlatformConfig,
  platformConfigSchema,
  updatePlatformConfigInputSchema,
} from './platform-config';

describe('platformConfigSchema', () => {
  it('accepts the defaults', () => {
    expect(platformConfigSchema.parse(defaultPlatformConfig)).toEqual(defaultPlatformConfig);
  });

  it.each([
    [{ platformFeeBps: 5_001 }, 'platformFeeBps'],
    [{ earningsHoldDays: -1 }, 'earningsHoldDays'],
    [{ energyPacksPerDay: 0 }, 'energyPacksPerDay'],
    [{ withdrawalMinimumCents: 600_000 }, 'withdrawalMinimumCents'],
    [{ withdrawalDailyLimitCents: 3_000_000 }, 'withdrawalDailyLimitCents'],
    [{ ingestBurstPerKey: 10 }, 'ingestBurstPerKey'],
    [{ unknownSetting: 1 }, ''],
  ])('refuses %o, naming the field', (change, field) => {
    const result = platformConfigSchema.safeParse({ ...defaultPlatformConfig, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.') ?? '').toBe(field);
  });
});

describe('updatePlatformConfigInputSchema', () => {
  it('needs at least one change and a reason', () => {
    expect(
      updatePlatformConfigInputSchema.safeParse({ changes: {}, reason: 'Nothing', expectedVersion: 0 })
        .success,
    ).toBe(false);
    expect(
      updatePlatformConfigInputSchema.safeParse({
        changes: { platformFeeBps: 1_000 },
        reason: '',
        expectedVersion: 0,
      }).success,
    ).toBe(false);
    expect(
      updatePlatformConfigInputSchema.parse({
        changes: { platformFeeBps: 1_000 },
        reason: ' Fee review ',
        expectedVersion: 3,
      }),
    ).toEqual({ changes: { platformFeeBps: 1_000 }, reason: 'Fee review', expectedVersion: 3 });
  });
});
