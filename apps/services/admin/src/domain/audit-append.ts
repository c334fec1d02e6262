import { randomBytes } from 'node:crypto';
import type { AdminActionPayload, EventEnvelope } from '@gametriggers/events';
import type { AdminTx } from '../database';
import { Prisma } from '../generated/prisma/client';
import { GENESIS_HASH, auditEntryHash, personalDigest } from './audit-hash';

// One writer at a time extends the chain: each entry needs the hash of the one before it.
const CHAIN_LOCK_KEY = 4_111_001;

const jsonOrNull = (value: unknown) =>
  value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);

/**
 * Appends an admin action to the audit log, chained to the current head. Runs in the consumer's
 * transaction, beside the processed-event mark, so each event is stored exactly once.
 */
export async function appendAuditEntry(
  tx: AdminTx,
  event: EventEnvelope<'admin.action_recorded'>,
  recordedAt: Date,
) {
  const action: AdminActionPayload = event.payload;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`;
  const head = await tx.auditEntry.findFirst({
    orderBy: { sequence: 'desc' },
    select: { sequence: true, hash: true },
  });
  const personal = {
    salt: randomBytes(16).toString('hex'),
    reason: action.reason,
    details: action.personal,
  };
  const fields = {
    sequence: (head?.sequence ?? 0n) + 1n,
    eventId: event.id,
    actorId: action.actor.adminId,
    actorRole: action.actor.adminRole,
    permission: action.permission,
    action: action.action,
    subjectType: action.subject.type,
    subjectId: action.subject.id,
    before: action.before,
    after: action.after,
    requestId: action.requestId,
    occurredAt: new Date(action.occurredAt),
    recordedAt,
    personalDigest: personalDigest(personal),
    previousHash: head?.hash ?? GENESIS_HASH,
  };
  const entry = await tx.auditEntry.create({
    data: {
      ...fields,
      before: jsonOrNull(fields.before),
      after: jsonOrNull(fields.after),
      hash: auditEntryHash(fields),
    },
  });
  await tx.auditEntryPersonal.create({
    data: { sequence: entry.sequence, ...personal },
  });
  return entry;
}
