import { z } from 'zod';
import type {
  CursorPart,
  myParticipationDisputesInputSchema,
  ParticipationDisputeSortKey,
  participationDisputeQueueInputSchema,
} from '@gametriggers/contracts';
import {
  columnOrderCursor,
  cursorParts,
  newestFirstCursor,
  participationDisputeSortKeys,
  PARTICIPATION_DISPUTE_STATUSES,
} from '@gametriggers/contracts';
import type { PaymentDb } from '../database';
import type { ParticipationDispute, Prisma } from '../generated/prisma/client';
import { cents } from '../money/money-context';
import type { DisputeParty } from './open-dispute';
import { disputeNotFound } from './respond-to-dispute';

const mineCursor = newestFirstCursor('payment.disputes.mine');

const sortParts: Record<ParticipationDisputeSortKey, CursorPart<unknown>> = {
  createdAt: cursorParts.instant,
  heldCents: {
    toWire: (value) => String(value),
    wire: z
      .string()
      .regex(/^\d{1,16}$/)
      .transform((digits) => BigInt(digits)),
  } satisfies CursorPart<bigint>,
  status: {
    toWire: (value) => value,
    wire: z.enum(PARTICIPATION_DISPUTE_STATUSES),
  } satisfies CursorPart<string>,
};

/** The admin queue's orders: each column and direction its own cursor (a cursor of another is refused). */
const queueOrders = new Map(
  participationDisputeSortKeys.flatMap((key) =>
    (['asc', 'desc'] as const).map((direction) => [
      `${key}.${direction}`,
      columnOrderCursor(
        `payment.disputes.queue.${key}.${direction}`,
        key,
        sortParts[key],
        direction,
      ),
    ]),
  ),
);

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

/** The admin queue: open, resolved or all disputes, filtered, sorted by one column (oldest first by default). */
export async function disputeQueue(
  db: PaymentDb,
  input: z.output<typeof participationDisputeQueueInputSchema>,
) {
  const order = queueOrders.get(`${input.sortBy}.${input.direction}`)!;
  const rows = await db.participationDispute.findMany({
    where: {
      AND: [
        {
          ...(input.status === 'all' ? {} : { status: input.status }),
          ...(input.openedBy ? { openedBy: input.openedBy } : {}),
          ...(input.brandId ? { brandId: input.brandId } : {}),
          ...(input.streamerId ? { streamerId: input.streamerId } : {}),
        },
        order.rowsAfter<Prisma.ParticipationDisputeWhereInput>(input.cursor),
      ],
    },
    orderBy: order.orderBy(),
    take: input.limit + 1,
  });
  return order.pageOf(rows, input.limit, adminDisputeView);
}

export async function disputeForAdmin(db: PaymentDb, disputeId: string) {
  const row = await db.participationDispute.findUnique({ where: { id: disputeId } });
  if (!row) throw disputeNotFound();
  return adminDisputeView(row);
}
