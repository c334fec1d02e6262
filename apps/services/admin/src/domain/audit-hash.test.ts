import { describe, expect, it } from 'vitest';
import type { HashedAuditFields } from './audit-hash';
import { GENESIS_HASH, auditEntryHash, checkpointSignature, personalDigest } from './audit-hash';

const entry: HashedAuditFields = {
  sequence: 1n,
  eventId: '6f1c1d4e-2a7b-4c39-9a0e-0d6b8e6f3a11',
  actorId: '0b7e5b2a-9d3c-4f61-8f7e-1c2d3e4f5a6b',
  actorRole: 'super_admin',
  permission: 'canVerifyBrands',
  action: 'brand.verify',
  subjectType: 'brand',
  subjectId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  before: { verificationStatus: 'pending' },
  after: { verificationStatus: 'verified' },
  requestId: 'req-1',
  occurredAt: new Date('2026-03-10T18:00:00Z'),
  recordedAt: new Date('2026-03-10T18:00:01Z'),
  personalDigest: 'a'.repeat(64),
  previousHash: GENESIS_HASH,
};

describe('auditEntryHash', () => {
  it('is a SHA-256 that changes with every field', () => {
    const hash = auditEntryHash(entry);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEntryHash({ ...entry, after: { verificationStatus: 'verified' } })).toBe(hash);
    for (const changed of [
      { sequence: 2n },
      { action: 'brand.reject' },
      { after: { verificationStatus: 'rejected' } },
      { occurredAt: new Date('2026-03-10T18:00:00.001Z') },
      { previousHash: 'b'.repeat(64) },
      { personalDigest: 'c'.repeat(64) },
    ]) {
      expect(auditEntryHash({ ...entry, ...changed }), JSON.stringify(Object.keys(changed))).not.toBe(hash);
    }
  });

  it('ignores fields outside the chain (a row’s own hash, its personal details)', () => {
    const row = { ...entry, hash: 'f'.repeat(64), personal: { reason: 'anything' } };
    expect(auditEntryHash(row)).toBe(auditEntryHash(entry));
  });
});

describe('personalDigest and checkpointSignature', () => {
  it('depend on the salt and on the key', () => {
    const details = { reason: 'Jane Doe’s documents', details: { email: 'jane@example.com' } };
    expect(personalDigest({ salt: '1'.repeat(32), ...details })).not.toBe(
      personalDigest({ salt: '2'.repeat(32), ...details }),
    );
    const checkpoint = { sequence: 5n, hash: 'd'.repeat(64), signedAt: new Date('2026-03-10T18:15:00Z') };
    expect(checkpointSignature('key-one', checkpoint)).not.toBe(checkpointSignature('key-two', checkpoint));
    expect(checkpointSignature('key-one', checkpoint)).toBe(checkpointSignature('key-one', { ...checkpoint }));
  });
});
