import { checkpointSignature } from './audit-hash';
import type { AdminDeps } from './deps';

/**
 * Signs the current chain head (HMAC with the checkpoint key) and stores the checkpoint. Nothing
 * to sign on an empty log, or when the head has not moved since the last checkpoint.
 */
export async function signAuditCheckpoint(deps: AdminDeps) {
  const head = await deps.db.auditEntry.findFirst({
    orderBy: { sequence: 'desc' },
    select: { sequence: true, hash: true },
  });
  if (!head) return null;
  const latest = await deps.db.auditCheckpoint.findFirst({ orderBy: { sequence: 'desc' } });
  if (latest?.sequence === head.sequence) return null;
  const signedAt = deps.now();
  return deps.db.auditCheckpoint.create({
    data: {
      sequence: head.sequence,
      hash: head.hash,
      signedAt,
      keyId: deps.checkpointKey.id,
      signature: checkpointSignature(deps.checkpointKey.secret, { ...head, signedAt }),
    },
  });
}
