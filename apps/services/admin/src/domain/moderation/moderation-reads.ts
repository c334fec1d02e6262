import type { listModerationInputSchema } from '@gametriggers/contracts';
import { oldestFirstCursor } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import type { z } from 'zod';
import type { AdminDeps } from '../deps';
import { contentReportView, moderationItemView } from './moderation-views';

export const moderationItemNotFound = () =>
  new DomainError('not_found', 'moderation_item_not_found', 'There is no such item to moderate.');

const queueCursor = oldestFirstCursor('moderation.oldest');

/** Reports shown with an item: the newest ones (the item counts them all). */
const REPORTS_SHOWN = 50;

/** The queue (or the decided items), oldest first, filtered by kind, status and reports. */
export async function listModerationItems(
  deps: AdminDeps,
  input: z.output<typeof listModerationInputSchema>,
) {
  const rows = await deps.db.moderationItem.findMany({
    where: {
      status: input.status,
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.reportedOnly ? { reportCount: { gt: 0 } } : {}),
      ...queueCursor.rowsAfter(input.cursor),
    },
    orderBy: queueCursor.orderBy(),
    take: input.limit + 1,
  });
  return queueCursor.pageOf(rows, input.limit, moderationItemView);
}

/** An item with its newest reports. */
export async function getModerationItem(deps: AdminDeps, itemId: string) {
  const item = await deps.db.moderationItem.findUnique({
    where: { id: itemId },
    include: { reports: { orderBy: { reportedAt: 'desc' }, take: REPORTS_SHOWN } },
  });
  if (!item) throw moderationItemNotFound();
  return { ...moderationItemView(item), reports: item.reports.map(contentReportView) };
}
