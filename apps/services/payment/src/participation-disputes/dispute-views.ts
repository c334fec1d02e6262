import type { z } from 'zod';
import type {
  myParticipationDisputesInputSchema,
  participationDisputeQueueInputSchema,
} from '@gametriggers/contracts';
import { newestFirstCursor, oldestFirstCursor } from '@gametriggers/contracts';
import type { PaymentDb } from '../database';
import type { ParticipationDispute } from '../generated/prisma/client';
import { cents } from '../money/money-context';
import type { DisputeParty } from './open-dispute';
import { disputeNotFound } from './respond-to-dispute';

const mineCursor = newestFirstCursor('payment.disputes.mine');
const queueCursor = oldestFirstCursor('payment.disputes.queue');

const orNull = (value: bigint | null) => (value === null ? null : cents(value));

/** A dispute as both parties see it (the admin view adds who resolved it). */
export function disputeView(row: ParticipationDispute) {
  return {
    id: row.id,
    participationId: row.participationId,
    campaignId: row.campaignId,
    brandId: row.brandId,
    streamerId: row.streamerId,
    openedBy: row.openedBy as 'brand' | 'streamer',
    reason: row.reason,
    evidenceText: row.evidenceText,
    evidenceLinks: row.evidenceLinks,
    responseText: row.responseText,
    responseLinks: row.responseLinks,
    respondedAt: row.respondedAt,
    currency: row.currency,
    heldCents: cents(row.heldPendingCents + row.heldAvailableCents),
    heldPendingCents: cents(row.heldPendingCents),
    heldAvailableCents: cents(row.heldAvailableCents),
    status: row.status as 'open' | 'resolved',
    outcome: row.outcome as 'release' | 'refund' | 'split' | null,
    streamerCents: orNull(row.streamerCents),
    brandCents: orNull(row.brandCents),
    resolutionReason: row.resolutionReason,
    resolvedAt: row.resolvedAt,
    createdAt: row.createdAt,
  };
}

export function adminDisputeView(row: ParticipationDispute) {
  return { ...disputeView(row), resolvedBy: row.resolvedBy };
}

const ownerWhere = (party: DisputeParty) =>
  party.role === 'brand' ? { brandId: party.userId } : { streamerId: party.userId };

export async function myDisputes(
  db: PaymentDb,
  party: DisputeParty,
  input: z.output<typeof myParticipationDisputesInputSchema>,
) {
  const rows = await db.participationDispute.findMany({
    where: {
      ...ownerWhere(party),
      ...(input.campaignId ? { campaignId: input.campaignId } : {}),
      ...(input.participationId ? { participationId: input.participationId } : {}),
      ...mineCursor.rowsAfter(input.cursor),
    },
    orderBy: mineCursor.orderBy(),
    take: input.limit + 1,
  });
  return mineCursor.pageOf(rows, input.limit, disputeView);
}

export async function myDispute(db: PaymentDb, party: DisputeParty, disputeId: string) {
  const row = await db.participationDispute.findFirst({
    where: { id: disputeId, ...ownerWhere(party) },
  });
  if (!row) throw disputeNotFound();
  return disputeView(row);
}

/** The admin queue: one status, oldest first (the longest waiting on top), filtered. */
export async function disputeQueue(
  db: PaymentDb,
  input: z.output<typeof participationDisputeQueueInputSchema>,
) {
  const rows = await db.participationDispute.findMany({
    where: {
      status: input.status,
      ...(input.openedBy ? { openedBy: input.openedBy } : {}),
      ...(input.brandId ? { brandId: input.brandId } : {}),
      ...(input.streamerId ? { streamerId: input.streamerId } : {}),
      ...queueCursor.rowsAfter(input.cursor),
    },
    orderBy: queueCursor.orderBy(),
    take: input.limit + 1,
  });
  return queueCursor.pageOf(rows, input.limit, adminDisputeView);
}

export async function disputeForAdmin(db: PaymentDb, disputeId: string) {
  const row = await db.participationDispute.findUnique({ where: { id: disputeId } });
  if (!row) throw disputeNotFound();
  return adminDisputeView(row);
}
