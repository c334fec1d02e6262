import { cursorParts, keysetCursor } from '@gametriggers/contracts';
import type { listAuditLogInputSchema } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction } from '@gametriggers/events';
import type { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import type { AdminDeps } from './deps';

const auditLogCursor = keysetCursor('audit-log.newest', {
  sequence: cursorParts.integer(1, Number.MAX_SAFE_INTEGER),
});

type Json = z.infer<ReturnType<typeof z.json>>;
type AuditLogFilters = z.output<typeof listAuditLogInputSchema>;

function filtersOf(input: AuditLogFilters): Prisma.AuditEntryWhereInput {
  return {
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.subjectType ? { subjectType: input.subjectType } : {}),
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
    ...(input.from || input.to
      ? { occurredAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
      : {}),
  };
}

/** The filters as the audit entry of this read records them (cursor and limit are paging, not intent). */
function readFilters(input: AuditLogFilters) {
  const { cursor: _cursor, limit: _limit, ...filters } = input;
  return filters;
}

/**
 * A page of the audit log, newest first, filtered by actor, action, subject and time. Reading it is
 * an admin action too: the read is recorded (through the outbox, like every other action).
 */
export async function listAuditLog(deps: AdminDeps, actor: AdminActor, input: AuditLogFilters) {
  const position = auditLogCursor.decodeOptional(input.cursor);
  const where: Prisma.AuditEntryWhereInput = {
    ...filtersOf(input),
    ...(position ? { sequence: { lt: BigInt(position.sequence) } } : {}),
  };
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.auditEntry.findMany({
      where,
      orderBy: { sequence: 'desc' },
      take: input.limit + 1,
      include: { personal: true },
    });
    await recordAdminAction(tx, {
      actor,
      permission: 'canAccessAuditLogs',
      action: 'admin.audit.read',
      subject: { type: 'audit_log', id: 'entries' },
      before: null,
      after: { filters: readFilters(input), page: input.cursor ? 'next' : 'first' },
      occurredAt: deps.now(),
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        sequence: row.sequence.toString(),
        eventId: row.eventId,
        actorId: row.actorId,
        actorRole: row.actorRole,
        permission: row.permission,
        action: row.action,
        subject: { type: row.subjectType, id: row.subjectId },
        before: row.before as Json,
        after: row.after as Json,
        reason: row.personal?.reason ?? null,
        personal: (row.personal?.details ?? {}) as Record<string, string>,
        personalErased: row.personal?.erasedAt != null,
        requestId: row.requestId,
        occurredAt: row.occurredAt,
        recordedAt: row.recordedAt,
        hash: row.hash,
      })),
      nextCursor:
        rows.length > input.limit && last
          ? auditLogCursor.encode({ sequence: Number(last.sequence) })
          : null,
    };
  });
}
