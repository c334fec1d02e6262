import type { RejectModerationItemInput } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { AdminTx } from '../../database';
import type { ModerationItem } from '../../generated/prisma/client';
import type { AdminDeps } from '../deps';
import { moderationItemNotFound } from './moderation-reads';
import { moderationItemView } from './moderation-views';

async function lockItem(tx: AdminTx, itemId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "moderation_items" WHERE "id" = ${itemId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw moderationItemNotFound();
  return tx.moderationItem.findUniqueOrThrow({ where: { id: itemId } });
}

function requirePending(item: ModerationItem) {
  if (item.status === 'pending') return;
  if (item.status === 'withdrawn') {
    throw new DomainError(
      'conflict',
      'moderation_item_withdrawn',
      'Its owner deleted this content before a decision; there is nothing left to decide.',
      { status: item.status },
    );
  }
  throw new DomainError(
    'conflict',
    'moderation_already_decided',
    `This content was already ${item.status}; it comes back to the queue when it changes or is reported again.`,
    { status: item.status },
  );
}

type Decision = { status: 'approved' } | { status: 'rejected'; reason: string };

/**
 * Decides a pending item: the decision, its event for the content's owner and its audit record,
 * in one transaction.
 */
async function decide(deps: AdminDeps, actor: AdminActor, itemId: string, decision: Decision) {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const item = await lockItem(tx, itemId);
    requirePending(item);
    const reason = decision.status === 'rejected' ? decision.reason : null;
    const decided = await tx.moderationItem.update({
      where: { id: item.id },
      data: {
        status: decision.status,
        decidedAt: now,
        decidedBy: actor.adminId,
        decisionReason: reason,
        updatedAt: now,
      },
    });
    const content = {
      itemId: item.id,
      kind: item.kind,
      subjectId: item.subjectId,
      ownerId: item.ownerId,
      title: item.title,
      decidedBy: actor.adminId,
      contentSubmittedAt: item.contentSubmittedAt.toISOString(),
    };
    if (decision.status === 'rejected') {
      await recordEvent(tx, 'moderation.content_rejected', { ...content, reason: decision.reason });
    } else {
      await recordEvent(tx, 'moderation.content_approved', content);
    }
    await recordAdminAction(tx, {
      actor,
      permission: 'canModerateContent',
      action: decision.status === 'rejected' ? 'moderation.reject' : 'moderation.approve',
      subject: { type: item.kind, id: item.subjectId },
      before: { status: item.status, reportCount: item.reportCount },
      after: { status: decided.status, itemId: item.id },
      reason,
      occurredAt: now,
    });
    return moderationItemView(decided);
  });
}

export const approveModerationItem = (deps: AdminDeps, actor: AdminActor, itemId: string) =>
  decide(deps, actor, itemId, { status: 'approved' });

export const rejectModerationItem = (
  deps: AdminDeps,
  actor: AdminActor,
  input: RejectModerationItemInput,
) => decide(deps, actor, input.itemId, { status: 'rejected', reason: input.reason });
