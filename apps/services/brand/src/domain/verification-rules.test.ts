import type { BrandVerificationStatus } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import { describe, expect, it } from 'vitest';
import {
  assertCanDecideVerification,
  assertCanRequestVerification,
  identityChangesOf,
} from './verification-rules';

function reasonOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return `${error.kind}:${error.reason}`;
    throw error;
  }
}

describe('requesting verification', () => {
  it.each<[BrandVerificationStatus, string | undefined]>([
    ['unverified', undefined],
    ['rejected', undefined],
    ['pending', 'precondition_failed:verification_pending'],
    ['verified', 'precondition_failed:already_verified'],
  ])('from %s → %s', (status, expected) => {
    expect(reasonOf(() => assertCanRequestVerification(status))).toBe(expected);
  });
});

describe('deciding verification', () => {
  it.each<[BrandVerificationStatus, string | undefined]>([
    ['pending', undefined],
    ['unverified', 'precondition_failed:verification_not_pending'],
    ['verified', 'precondition_failed:verification_not_pending'],
    ['rejected', 'precondition_failed:verification_not_pending'],
  ])('from %s → %s', (status, expected) => {
    expect(reasonOf(() => assertCanDecideVerification(status))).toBe(expected);
  });
});

describe('identity changes of a verified brand', () => {
  const before = { companyName: 'Acme', taxId: 'US-1' };

  it('records a renamed company and a changed tax id', () => {
    expect(
      identityChangesOf('verified', before, { companyName: 'Acme Inc', taxId: 'US-2' }),
    ).toEqual([
      { field: 'companyName', fromValue: 'Acme', toValue: 'Acme Inc' },
      { field: 'taxId', fromValue: 'US-1', toValue: 'US-2' },
    ]);
  });

  it('records a removed tax id', () => {
    expect(identityChangesOf('verified', before, { companyName: 'Acme', taxId: null })).toEqual([
      { field: 'taxId', fromValue: 'US-1', toValue: null },
    ]);
  });

  it('records nothing when the values stay the same', () => {
    expect(identityChangesOf('verified', before, { ...before })).toEqual([]);
  });

  it.each<BrandVerificationStatus>(['unverified', 'pending', 'rejected'])(
    'records nothing while %s',
    (status) => {
      expect(identityChangesOf(status, before, { companyName: 'Other', taxId: null })).toEqual([]);
    },
  );
});
