import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The `previousHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry the chain covers: everything but the erasable personal details. */
export interface HashedAuditFields {
  sequence: bigint;
  eventId: string;
  actorId: string;
  actorRole: string | null;
  permission: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  occurredAt: Date;
  recordedAt: Date;
  personalDigest: string;
  previousHash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Named field by field, so a column added later is not silently hashed (or left out) by accident. */
export function auditEntryHash(fields: HashedAuditFields): string {
  return sha256(
    canonicalJson({
      sequence: fields.sequence.toString(),
      eventId: fields.eventId,
      actorId: fields.actorId,
      actorRole: fields.actorRole,
      permission: fields.permission,
      action: fields.action,
      subjectType: fields.subjectType,
      subjectId: fields.subjectId,
      before: fields.before,
      after: fields.after,
      requestId: fields.requestId,
      occurredAt: fields.occurredAt.toISOString(),
      recordedAt: fields.recordedAt.toISOString(),
      personalDigest: fields.personalDigest,
      previousHash: fields.previousHash,
    }),
  );
}

export interface PersonalDetails {
  salt: string;
  reason: string | null;
  details: Record<string, string>;
}

/**
 * The chain holds this digest of the personal details, not the details: while they exist a change
 * to them is caught; once erased (salt and all) the digest tells nothing about what they were.
 */
export function personalDigest(personal: PersonalDetails): string {
  return sha256(canonicalJson(personal));
}

/** What a checkpoint signs: the chain head and when it was signed. */
export function checkpointSignature(
  secret: string,
  checkpoint: { sequence: bigint; hash: string; signedAt: Date },
): string {
  return createHmac('sha256', secret)
    .update(`${checkpoint.sequence.toString()}:${checkpoint.hash}:${checkpoint.signedAt.toISOString()}`)
    .digest('hex');
}
