import { recordEvent } from '@gametriggers/events';
import type { ParticipationTx } from '../database';
import { releaseKeyOf } from './key-release';
import { participationRef } from './participation-view';

const closingReason = {
  completed: 'The campaign ended before your application was decided.',
  cancelled: 'The campaign was cancelled before your application was decided.',
} as const;

/**
 * A campaign completed or was cancelled: its live participations complete and their keys start
 * cooling off; its open applications are declined. Running it again changes nothing.
 */
export async function endCampaignParticipations(
  tx: ParticipationTx,
  campaignId: string,
  how: 'completed' | 'cancelled',
  now: Date,
) {
  const live = await tx.participation.findMany({
    where: { campaignId, status: { in: ['active', 'paused'] } },
    orderBy: { id: 'asc' },
  });
  let completed = 0;
  for (const row of live) {
    // Conditional, so a participation the streamer left meanwhile keeps its own ending.
    const { count } = await tx.participation.updateMany({
      where: { id: row.id, status: { in: ['active', 'paused'] } },
      data: { status: 'completed', endedAt: now, pausedAt: null, updatedAt: now },
    });
    if (count === 0) continue;
    completed += 1;
    await releaseKeyOf(tx, row, now);
  }
  const pending = await tx.participation.findMany({
    where: { campaignId, status: 'pending' },
    orderBy: { id: 'asc' },
  });
  let declined = 0;
  for (const row of pending) {
    const { count } = await tx.participation.updateMany({
      where: { id: row.id, status: 'pending' },
      data: {
        status: 'rejected',
        rejectionReason: closingReason[how],
        endedAt: now,
        updatedAt: now,
      },
    });
    if (count === 0) continue;
    declined += 1;
    await recordEvent(tx, 'participation.rejected', {
      ...participationRef(row),
      reason: closingReason[how],
    });
  }
  return { completed, declined };
}
