import { randomUUID } from 'node:crypto';
import type { AdminPermission, UserRole } from '@gametriggers/tokens';
import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import { describe, expect, it } from 'vitest';
import { assertMayReadBrand } from './brand-access';

const brandId = randomUUID();

function caller(
  role: UserRole,
  userId = randomUUID(),
  permissions: AdminPermission[] = [],
): UserCaller {
  return {
    kind: 'user',
    userId,
    email: `${role}@test.dev`,
    role,
    adminRole: role === 'admin' ? 'support' : undefined,
    permissions: new Set(permissions),
    sessionId: undefined,
  };
}

function outcome(who: UserCaller) {
  try {
    assertMayReadBrand(who, brandId);
    return 'allowed';
  } catch (error) {
    if (error instanceof DomainError) return error.kind;
    throw error;
  }
}

describe('who may read a brand’s full profile', () => {
  it.each([
    ['the brand itself', caller('brand', brandId), 'allowed'],
    ['another brand (without learning whether it exists)', caller('brand'), 'not_found'],
    ['a streamer', caller('streamer'), 'forbidden'],
    ['a streamer whose id happens to equal the brand id', caller('streamer', brandId), 'forbidden'],
    ['an admin without permissions', caller('admin'), 'allowed'],
    ['an admin who verifies brands', caller('admin', randomUUID(), ['canVerifyBrands']), 'allowed'],
  ])('%s → %s', (_label, who, expected) => {
    expect(outcome(who)).toBe(expected);
  });
});
