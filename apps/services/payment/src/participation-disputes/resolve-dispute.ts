import type { ResolveParticipationDisputeInput } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { accounts } from '../ledger/chart-of-accounts';
import type { PostingRequest } from '../ledger/post-entries';
import { postEntry } from '../ledger/post-entries';
import type { MoneyContext } from '../money/money-context';
import { cents } from '../money/money-context';

interface LockedDispute {
  participationId: string;
  campaignId: string;
  brandId: string;
  streamerId: string;
  currency: string;
  status: string;
  held: bigint;
}

async function lockDispute(tx: PaymentSql, disputeId: string): Promise<LockedDispute> {
  const rows = await tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT "participationId", "campaignId", "brandId", "streamerId", "currency", "status",
            ("heldPendingCents" + "heldAvailableCents")::text AS held
     FROM "participation_disputes" WHERE "id" = $1::uuid FOR UPDATE`,
    disputeId,
  );
  const row = rows[0];
  if (!row) throw new DomainError('not_found', 'dispute_not_found', 'There is no such dispute.');
  return {
    participationId: row.participationId as string,
    campaignId: row.campaignId as string,
    brandId: row.brandId as string,
    streamerId: row.streamerId as string,
    currency: row.currency as string,
    status: row.status as string,
    held: toBigInt(row.held),
  };
}

/** What each side receives of `held`: release all to the streamer, refund all to the brand, or split. */
function shares(held: bigint, input: ResolveParticipationDisputeInput) {
  if (input.outcome === 'release') return { streamer: held, brand: 0n };
  if (input.outcome === 'refund') return { streamer: 0n, brand: held };
  const streamer = BigInt(input.streamerShareCents ?? 0);
  if (streamer > held) {
    throw new DomainError(
      'invalid',
      'split_exceeds_held',
      `The streamer can receive at most the ${cents(held)} cents held.`,
      { heldCents: cents(held) },
    );
  }
  return { streamer, brand: held - streamer };
}

/**
 * An admin resolves an open dispute: the held money goes to the streamer's available earnings, to
 * the brand's wallet, or both (`participation-dispute:<id>:resolve`), in the transaction that marks
 * the dispute resolved, records the admin action and the event. The platform fee taken when the
 * hours were charged is not part of what is held, so a refund returns the streamer's share only.
 */
export async function resolveParticipationDispute(
  tx: PaymentSql,
  context: MoneyContext,
  input: { admin: AdminActor; request: ResolveParticipationDisputeInput },
) {
  const { admin, request } = input;
  const dispute = await lockDispute(tx, request.disputeId);
  if (dispute.status !== 'open') {
    throw new DomainError(
      'conflict',
      'dispute_already_resolved',
      'This dispute has already been resolved.',
    );
  }
  const share = shares(dispute.held, request);
  const now = context.now();
  if (dispute.held > 0n) {
    const postings: PostingRequest[] = [
      {
        account: accounts.disputesHeld(dispute.currency),
        direction: 'debit',
        amount: dispute.held,
      },
      {
        account: accounts.streamerAvailable(dispute.streamerId, dispute.currency),
        direction: 'credit',
        amount: share.streamer,
      },
      {
        account: accounts.brandWallet(dispute.brandId, dispute.currency),
        direction: 'credit',
        amount: share.brand,
      },
    ];
    await postEntry(
      tx,
      {
        idempotencyKey: `participation-dispute:${request.disputeId}:resolve`,
        kind: 'participation_dispute_resolve',
        cause: {
          disputeId: request.disputeId,
          outcome: request.outcome,
          resolvedBy: admin.adminId,
        },
        postings: postings.filter((posting) => posting.amount > 0n),
      },
      now,
    );
  }
  await tx.$executeRawUnsafe(
    `UPDATE "participation_disputes" SET "status" = 'resolved', "outcome" = $2, "streamerCents" = $3, "brandCents" = $4,
       "resolutionReason" = $5, "resolvedBy" = $6::uuid, "resolvedAt" = $7 WHERE "id" = $1::uuid`,
    request.disputeId,
    request.outcome,
    share.streamer.toString(),
    share.brand.toString(),
    request.reason,
    admin.adminId,
    now,
  );
  const resolved = {
    outcome: request.outcome,
    streamerCents: cents(share.streamer),
    brandCents: cents(share.brand),
  };
  await recordAdminAction(tx, {
    actor: admin,
    permission: 'canManageDisputes',
    action: 'payment.participation_dispute.resolve',
    subject: { type: 'participation_dispute', id: request.disputeId },
    before: { status: 'open', heldCents: cents(dispute.held) },
    after: { status: 'resolved', ...resolved },
    reason: request.reason,
    occurredAt: now,
  });
  await recordEvent(tx, 'payment.participation_dispute_resolved', {
    disputeId: request.disputeId,
    participationId: dispute.participationId,
    campaignId: dispute.campaignId,
    brandId: dispute.brandId,
    streamerId: dispute.streamerId,
    currency: dispute.currency,
    ...resolved,
  });
  return { disputeId: request.disputeId, status: 'resolved' as const, ...resolved };
}
