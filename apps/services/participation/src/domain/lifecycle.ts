import type { RejectApplicationInput, RemoveParticipantInput } from '@gametriggers/contracts';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { ParticipationTx } from '../database';
import type { Participation } from '../generated/prisma/client';
import type { ParticipationDeps } from './deps';
import { releaseKeyOf } from './key-release';
import { participationRef, participationView } from './participation-view';
import { lockParticipation } from './row-locks';

const notFound = () =>
  new DomainError('not_found', 'participation_not_found', 'There is no such participation.');

const readable = (status: string) => status.replace('_', ' ');

/**
 * Locks the row, checks who may act and that it is in one of `from`, then applies `change`. The
 * status is re-checked under the lock so two clicks cannot both act.
 */
async function transition<T>(
  deps: ParticipationDeps,
  participationId: string,
  mayAct: (row: Participation) => boolean,
  from: readonly Participation['status'][],
  change: (tx: ParticipationTx, row: Participation, now: Date) => Promise<T>,
): Promise<T> {
  return deps.db.$transaction(async (tx) => {
    const row = await lockParticipation(tx, participationId);
    if (!row || !mayAct(row)) throw notFound();
    if (!from.includes(row.status)) {
      throw new DomainError(
        'conflict',
        'wrong_status',
        `This participation is ${readable(row.status)}, so that is not possible now.`,
        {
          status: row.status,
        },
      );
    }
    return change(tx, row, deps.now());
  });
}

/**
 * The streamer leaves: a live participation ends early and its key starts cooling off; a pending
 * application is withdrawn (its own status: nothing was consumed, no cool-off starts, and no event:
 * no other service counted it).
 */
export function leaveParticipation(
  deps: ParticipationDeps,
  streamerId: string,
  participationId: string,
) {
  return transition(
    deps,
    participationId,
    (row) => row.streamerId === streamerId,
    ['pending', 'active', 'paused'],
    async (tx, row, now) => {
      const updated = await tx.participation.update({
        where: { id: row.id },
        data: {
          status: row.status === 'pending' ? 'withdrawn' : 'left_early',
          endedAt: now,
          pausedAt: null,
          updatedAt: now,
        },
      });
      if (row.status !== 'pending') {
        await releaseKeyOf(tx, row, now);
        await recordEvent(tx, 'participation.left', participationRef(row));
      }
      return participationView(updated, streamerId);
    },
  );
}

export function pauseParticipation(
  deps: ParticipationDeps,
  streamerId: string,
  participationId: string,
) {
  return transition(
    deps,
    participationId,
    (row) => row.streamerId === streamerId,
    ['active'],
    async (tx, row, now) => {
      const updated = await tx.participation.update({
        where: { id: row.id },
        data: { status: 'paused', pausedAt: now, updatedAt: now },
      });
      await recordEvent(tx, 'participation.paused', participationRef(row));
      return participationView(updated, streamerId);
    },
  );
}

export function resumeParticipation(
  deps: ParticipationDeps,
  streamerId: string,
  participationId: string,
) {
  return transition(
    deps,
    participationId,
    (row) => row.streamerId === streamerId,
    ['paused'],
    async (tx, row, now) => {
      const updated = await tx.participation.update({
        where: { id: row.id },
        data: { status: 'active', pausedAt: null, updatedAt: now },
      });
      await recordEvent(tx, 'participation.resumed', participationRef(row));
      return participationView(updated, streamerId);
    },
  );
}

export function rejectApplication(
  deps: ParticipationDeps,
  brandId: string,
  input: RejectApplicationInput,
) {
  return transition(
    deps,
    input.participationId,
    (row) => row.brandId === brandId,
    ['pending'],
    async (tx, row, now) => {
      const updated = await tx.participation.update({
        where: { id: row.id },
        data: {
          status: 'rejected',
          rejectionReason: input.reason,
          decidedBy: brandId,
          endedAt: now,
          updatedAt: now,
        },
      });
      await recordEvent(tx, 'participation.rejected', {
        ...participationRef(row),
        reason: input.reason,
      });
      return participationView(updated, brandId);
    },
  );
}

/**
 * Removal: the owning brand for its own reasons only (`brand_decision`); an admin who manages
 * campaigns for any reason. The key starts cooling off as on leaving.
 */
export function removeParticipant(
  deps: ParticipationDeps,
  caller: UserCaller,
  input: RemoveParticipantInput,
  requestId: string | null,
) {
  if (caller.role === 'admin' && !caller.permissions.has('canManageCampaigns')) {
    throw new DomainError(
      'forbidden',
      'missing_permission',
      'This needs the canManageCampaigns admin permission.',
    );
  }
  if (caller.role === 'streamer') {
    throw new DomainError(
      'forbidden',
      'wrong_role',
      'Streamers leave a campaign instead of removing themselves.',
    );
  }
  if (caller.role === 'brand' && input.reason !== 'brand_decision') {
    throw new DomainError(
      'forbidden',
      'reason_not_allowed',
      'Brands remove participants for their own decision; report fraud or violations to us instead.',
    );
  }
  const mayAct = (row: Participation) => caller.role === 'admin' || row.brandId === caller.userId;
  return transition(
    deps,
    input.participationId,
    mayAct,
    ['active', 'paused'],
    async (tx, row, now) => {
      const updated = await tx.participation.update({
        where: { id: row.id },
        data: {
          status: 'removed',
          removalReason: input.reason,
          removalNote: input.note,
          forfeitEarnings: input.forfeitEarnings,
          decidedBy: caller.userId,
          endedAt: now,
          pausedAt: null,
          updatedAt: now,
        },
      });
      await releaseKeyOf(tx, row, now);
      await recordEvent(tx, 'participation.removed', {
        ...participationRef(row),
        reason: input.reason,
        forfeitEarnings: input.forfeitEarnings,
        removedBy: caller.userId,
      });
      if (caller.role === 'admin') {
        await recordAdminAction(tx, {
          actor: { adminId: caller.userId, adminRole: caller.adminRole ?? null, requestId },
          permission: 'canManageCampaigns',
          action: 'participation.remove',
          subject: { type: 'participation', id: row.id },
          before: { status: row.status },
          after: {
            status: 'removed',
            reason: input.reason,
            forfeitEarnings: input.forfeitEarnings,
            campaignId: row.campaignId,
            streamerId: row.streamerId,
          },
          reason: input.note,
          occurredAt: now,
        });
      }
      return participationView(updated, caller.userId);
    },
  );
}
