import type { BrandVerificationStatus } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';

/** A brand asks for verification when it has none and none is open: first time, or after a rejection. */
export function assertCanRequestVerification(status: BrandVerificationStatus): void {
  if (status === 'pending') {
    throw new DomainError(
      'precondition_failed',
      'verification_pending',
      'Your verification request is already being reviewed. We will let you know the decision.',
    );
  }
  if (status === 'verified') {
    throw new DomainError(
      'precondition_failed',
      'already_verified',
      'Your company is already verified.',
    );
  }
}

/** Admins decide only open requests; a second decision on the same request is refused. */
export function assertCanDecideVerification(status: BrandVerificationStatus): void {
  if (status !== 'pending') {
    throw new DomainError(
      'precondition_failed',
      'verification_not_pending',
      `This brand has no verification request waiting for a decision (it is ${status}).`,
      { status },
    );
  }
}

export interface IdentityFields {
  companyName: string;
  taxId: string | null;
}

export interface IdentityChange {
  field: 'companyName' | 'taxId';
  fromValue: string | null;
  toValue: string | null;
}

/**
 * Edits to what the verification vouched for (company name, tax id). A verified brand keeps its
 * status, so live campaigns are not stopped by a typo fix, but each such edit is recorded for the
 * admins. Edits while unverified, pending or rejected are not recorded: a review looks at the
 * profile as it is when decided.
 */
export function identityChangesOf(
  status: BrandVerificationStatus,
  before: IdentityFields,
  after: IdentityFields,
): IdentityChange[] {
  if (status !== 'verified') return [];
  const changes: IdentityChange[] = [];
  if (before.companyName !== after.companyName) {
    changes.push({
      field: 'companyName',
      fromValue: before.companyName,
      toValue: after.companyName,
    });
  }
  if (before.taxId !== after.taxId) {
    changes.push({ field: 'taxId', fromValue: before.taxId, toValue: after.taxId });
  }
  return changes;
}
