import type { eraseAuditPersonalDetailsInputSchema } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction } from '@gametriggers/events';
import type { z } from 'zod';
import { Prisma } from '../generated/prisma/client';
import type { AdminDeps } from './deps';

/**
 * Erases the reasons and personal details of every entry about one subject (a person asking to be
 * forgotten): salt, reason and details are cleared, so the digest in the chain tells nothing, and
 * the chain still verifies. The erasure is itself recorded, without personal data.
 */
export async function eraseAuditPersonalDetails(
  deps: AdminDeps,
  actor: AdminActor,
  input: z.output<typeof eraseAuditPersonalDetailsInputSchema>,
) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.auditEntryPersonal.updateMany({
      where: {
        erasedAt: null,
        entry: { subjectType: input.subjectType, subjectId: input.subjectId },
      },
      data: { salt: null, reason: null, details: Prisma.DbNull, erasedAt: now },
    });
    await recordAdminAction(tx, {
      actor,
      permission: 'canManageUsers',
      action: 'admin.audit.erase_personal',
      subject: { type: input.subjectType, id: input.subjectId },
      before: null,
      after: { entriesErased: count },
      occurredAt: now,
    });
    return { entriesErased: count };
  });
}
