import type { OpenParticipationDisputeRequest } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { balanceOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import type { PostingRequest } from '../ledger/post-entries';
import { postEntry } from '../ledger/post-entries';
import type { MoneyContext } from '../money/money-context';
import { cents } from '../money/money-context';

/** Who opens or answers a dispute: the brand that owns the campaign, or the participating streamer. */
export interface DisputeParty {
  role: 'brand' | 'streamer';
  userId: string;
}

interface ParticipationMoney {
  campaignId: string;
  brandId: string;
  streamerId: string;
  currency: string;
}

const participationNotFound = () =>
  new DomainError(
    'not_found',
    'participation_not_found',
    'There is no charged participation of yours with that id.',
  );

/**
 * The participation's campaign, brand and streamer, as the payment service knows them from its
 * charged hours: a participation nothing was charged for has no money to dispute.
 */
async function participationMoneyOf(
  tx: PaymentSql,
  participationId: string,
): Promise<ParticipationMoney | null> {
  const rows = await tx.$queryRawUnsafe<ParticipationMoney[]>(
    `SELECT c."campaignId", t."brandId", c."streamerId", t."currency"
     FROM "participation_hour_charges" c JOIN "campaign_terms" t ON t."campaignId" = c."campaignId"
     WHERE c."participationId" = $1::uuid LIMIT 1`,
    participationId,
  );
  return rows[0] ?? null;
}

export const isPartyOf = (party: DisputeParty, owners: { brandId: string; streamerId: string }) =>
  (party.role === 'brand' ? owners.brandId : owners.streamerId) === party.userId;

/**
 * Locks the participation's earnings lots not held yet (its hours' charges and its share of a fixed
 * pot) and sums the pending and the matured ones.
 */
async function lockUnheldLots(tx: PaymentSql, participationId: string, owned: ParticipationMoney) {
  const lots = await tx.$queryRawUnsafe<
    Array<{ id: string; amountCents: string; matured: boolean }>
  >(
    `SELECT l."id"::text, l."amountCents"::text, l."maturedAt" IS NOT NULL AS matured
     FROM "earnings_lots" l JOIN "journal_entries" e ON e."id" = l."entryId"
     WHERE l."streamerId" = $1::uuid AND l."campaignId" = $2::uuid AND l."heldByDisputeId" IS NULL
       AND (starts_with(e."idempotencyKey", 'charge:' || $3 || ':') OR e."idempotencyKey" = 'fixedpot:' || $2)
     ORDER BY l."id" FOR UPDATE OF l`,
    owned.streamerId,
    owned.campaignId,
    participationId,
  );
  let pending = 0n;
  let matured = 0n;
  for (const lot of lots) {
    if (lot.matured) matured += toBigInt(lot.amountCents);
    else pending += toBigInt(lot.amountCents);
  }
  return { lotIds: lots.map((lot) => lot.id), pending, matured };
}

/**
 * Opens a dispute on a participation of the caller's and holds the streamer's earnings from it that
 * are not withdrawn: its pending lots, and of what matured, as much as is still available. The hold
 * (`participation-dispute:<id>:hold`), the dispute and its event commit together.
 */
export async function openParticipationDispute(
  tx: PaymentSql,
  context: MoneyContext,
  input: {
    disputeId: string;
    party: DisputeParty;
    request: OpenParticipationDisputeRequest;
  },
) {
  const { disputeId, party, request } = input;
  const owned = await participationMoneyOf(tx, request.participationId);
  if (!owned || !isPartyOf(party, owned)) throw participationNotFound();
  const now = context.now();
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO "participation_disputes" ("id", "participationId", "campaignId", "brandId", "streamerId", "openedBy",
       "reason", "evidenceText", "evidenceLinks", "currency", "heldPendingCents", "heldAvailableCents", "status", "createdAt")
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7, $8, $9::text[], $10, 0, 0, 'open', $11)
     ON CONFLICT ("participationId") WHERE "status" = 'open' DO NOTHING`,
    disputeId,
    request.participationId,
    owned.campaignId,
    owned.brandId,
    owned.streamerId,
    party.role,
    request.reason,
    request.evidenceText,
    request.evidenceLinks,
    owned.currency,
    now,
  );
  if (inserted === 0) {
    throw new DomainError(
      'conflict',
      'dispute_already_open',
      'This participation already has an open dispute.',
    );
  }
  const lots = await lockUnheldLots(tx, request.participationId, owned);
  const pendingAccount = accounts.streamerPending(owned.streamerId, owned.currency);
  const availableAccount = accounts.streamerAvailable(owned.streamerId, owned.currency);
  // Locked before reading, so a withdrawal cannot take the available money between read and hold.
  await tx.$queryRawUnsafe(
    `SELECT 1 FROM "ledger_accounts" WHERE "code" = ANY($1::text[]) ORDER BY "id" FOR UPDATE`,
    [pendingAccount.code, availableAccount.code],
  );
  const available = (await balanceOf(tx, availableAccount.code)).available;
  const heldPending = lots.pending;
  const heldAvailable = lots.matured < available ? lots.matured : available;
  const held = heldPending + heldAvailable;
  if (held > 0n) {
    const postings: PostingRequest[] = [
      { account: pendingAccount, direction: 'debit', amount: heldPending },
      { account: availableAccount, direction: 'debit', amount: heldAvailable },
      { account: accounts.disputesHeld(owned.currency), direction: 'credit', amount: held },
    ];
    await postEntry(
      tx,
      {
        idempotencyKey: `participation-dispute:${disputeId}:hold`,
        kind: 'participation_dispute_hold',
        cause: { disputeId, participationId: request.participationId, openedBy: party.role },
        postings: postings.filter((posting) => posting.amount > 0n),
      },
      now,
    );
  }
  await tx.$executeRawUnsafe(
    `UPDATE "earnings_lots" SET "heldByDisputeId" = $2::uuid WHERE "id" = ANY($1::bigint[])`,
    lots.lotIds,
    disputeId,
  );
  await tx.$executeRawUnsafe(
    `UPDATE "participation_disputes" SET "heldPendingCents" = $2, "heldAvailableCents" = $3 WHERE "id" = $1::uuid`,
    disputeId,
    heldPending.toString(),
    heldAvailable.toString(),
  );
  await recordEvent(tx, 'payment.participation_dispute_opened', {
    disputeId,
    participationId: request.participationId,
    campaignId: owned.campaignId,
    brandId: owned.brandId,
    streamerId: owned.streamerId,
    openedBy: party.role,
    heldCents: cents(held),
    currency: owned.currency,
  });
  return { disputeId, heldCents: cents(held) };
}
