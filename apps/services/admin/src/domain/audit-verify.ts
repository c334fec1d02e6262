import type { AdminDb } from '../database';
import type { AuditCheckpoint } from '../generated/prisma/client';
import type { CheckpointKey } from './deps';
import {
  GENESIS_HASH,
  auditEntryHash,
  checkpointSignature,
  personalDigest,
} from './audit-hash';

export type AuditChainProblem =
  | 'sequence_gap'
  | 'previous_hash_mismatch'
  | 'hash_mismatch'
  | 'personal_details_altered'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_mismatch';

export interface BrokenAuditEntry {
  /** The first entry (or checkpoint's entry) that does not verify. */
  sequence: string;
  eventId: string | null;
  problem: AuditChainProblem;
  message: string;
}

export interface AuditChainReport {
  intact: boolean;
  entriesChecked: number;
  head: { sequence: string; hash: string } | null;
  checkpointsChecked: number;
  /** The most recently signed checkpoint (whether or not it verifies: `firstBroken` says). */
  latestCheckpoint: { sequence: string; hash: string; signedAt: Date; keyId: string } | null;
  firstBroken: BrokenAuditEntry | null;
}

const BATCH = 500;

function broken(
  sequence: bigint,
  eventId: string | null,
  problem: AuditChainProblem,
  message: string,
): BrokenAuditEntry {
  return { sequence: sequence.toString(), eventId, problem, message };
}

function latestCheckpointOf(checkpoints: AuditCheckpoint[]) {
  const latest = checkpoints.at(-1);
  return latest
    ? {
        sequence: latest.sequence.toString(),
        hash: latest.hash,
        signedAt: latest.signedAt,
        keyId: latest.keyId,
      }
    : null;
}

/**
 * Walks the whole chain in order and names the first entry that does not verify: a missing
 * sequence number (a deleted row), a `previousHash` that is not the hash of the entry before
 * (reordered or inserted rows), a hash that does not match the entry's fields (an edited row), or
 * personal details that no longer match their digest. Then checks every checkpoint's signature and
 * that the entry it signed still has the hash it signed.
 */
export async function verifyAuditChain(
  db: AdminDb,
  key: CheckpointKey,
): Promise<AuditChainReport> {
  let previous: { sequence: bigint; hash: string } = { sequence: 0n, hash: GENESIS_HASH };
  let entriesChecked = 0;
  let firstBroken: BrokenAuditEntry | null = null;
  const hashes = new Map<bigint, string>();

  walk: for (;;) {
    const entries = await db.auditEntry.findMany({
      where: { sequence: { gt: previous.sequence } },
      orderBy: { sequence: 'asc' },
      take: BATCH,
      include: { personal: true },
    });
    if (entries.length === 0) break;
    for (const entry of entries) {
      entriesChecked += 1;
      if (entry.sequence !== previous.sequence + 1n) {
        firstBroken = broken(
          entry.sequence,
          entry.eventId,
          'sequence_gap',
          `Entries ${previous.sequence + 1n} to ${entry.sequence - 1n} are missing before this one.`,
        );
        break walk;
      }
      if (entry.previousHash !== previous.hash) {
        firstBroken = broken(
          entry.sequence,
          entry.eventId,
          'previous_hash_mismatch',
          `This entry does not follow entry ${previous.sequence}: the chain was reordered or rewritten here.`,
        );
        break walk;
      }
      if (auditEntryHash(entry) !== entry.hash) {
        firstBroken = broken(
          entry.sequence,
          entry.eventId,
          'hash_mismatch',
          'This entry was changed after it was recorded.',
        );
        break walk;
      }
      const personal = entry.personal;
      if (
        !personal ||
        (personal.salt !== null &&
          personalDigest({
            salt: personal.salt,
            reason: personal.reason,
            details: (personal.details ?? {}) as Record<string, string>,
          }) !== entry.personalDigest)
      ) {
        firstBroken = broken(
          entry.sequence,
          entry.eventId,
          'personal_details_altered',
          "This entry's reason or personal details were changed (not erased) after it was recorded.",
        );
        break walk;
      }
      hashes.set(entry.sequence, entry.hash);
      previous = { sequence: entry.sequence, hash: entry.hash };
    }
  }

  const checkpoints = await db.auditCheckpoint.findMany({ orderBy: { signedAt: 'asc' } });
  if (!firstBroken) {
    for (const checkpoint of checkpoints) {
      if (
        checkpoint.keyId === key.id &&
        checkpointSignature(key.secret, checkpoint) !== checkpoint.signature
      ) {
        firstBroken = broken(
          checkpoint.sequence,
          null,
          'checkpoint_signature_invalid',
          `The checkpoint signed at ${checkpoint.signedAt.toISOString()} does not carry a valid signature.`,
        );
        break;
      }
      if (hashes.get(checkpoint.sequence) !== checkpoint.hash) {
        firstBroken = broken(
          checkpoint.sequence,
          null,
          'checkpoint_mismatch',
          `Entry ${checkpoint.sequence} no longer has the hash the checkpoint of ${checkpoint.signedAt.toISOString()} signed.`,
        );
        break;
      }
    }
  }

  return {
    intact: firstBroken === null,
    entriesChecked,
    head:
      previous.sequence === 0n
        ? null
        : { sequence: previous.sequence.toString(), hash: previous.hash },
    checkpointsChecked: checkpoints.length,
    latestCheckpoint: latestCheckpointOf(checkpoints),
    firstBroken,
  };
}
