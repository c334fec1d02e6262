import type { RespondToParticipationDisputeRequest } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import type { DisputeParty } from './open-dispute';
import { isPartyOf } from './open-dispute';

export const disputeNotFound = () =>
  new DomainError('not_found', 'dispute_not_found', 'There is no dispute of yours with that id.');

/** The other party gives its side, once, while the dispute is open. */
export async function respondToParticipationDispute(
  tx: PaymentSql,
  now: Date,
  input: {
    party: DisputeParty;
    request: RespondToParticipationDisputeRequest;
  },
) {
  const { party, request } = input;
  const rows = await tx.$queryRawUnsafe<
    Array<{
      brandId: string;
      streamerId: string;
      openedBy: string;
      status: string;
      responded: boolean;
    }>
  >(
    `SELECT "brandId", "streamerId", "openedBy", "status", "respondedAt" IS NOT NULL AS responded
     FROM "participation_disputes" WHERE "id" = $1::uuid FOR UPDATE`,
    request.disputeId,
  );
  const dispute = rows[0];
  if (!dispute || !isPartyOf(party, dispute)) throw disputeNotFound();
  if (dispute.openedBy === party.role || dispute.responded || dispute.status !== 'open') {
    throw new DomainError(
      'conflict',
      'dispute_response_closed',
      dispute.openedBy === party.role
        ? 'You opened this dispute; the other side responds to it.'
        : 'This dispute takes no more responses.',
    );
  }
  await tx.$executeRawUnsafe(
    `UPDATE "participation_disputes" SET "responseText" = $2, "responseLinks" = $3::text[], "respondedAt" = $4
     WHERE "id" = $1::uuid`,
    request.disputeId,
    request.evidenceText,
    request.evidenceLinks,
    now,
  );
  return { disputeId: request.disputeId };
}
