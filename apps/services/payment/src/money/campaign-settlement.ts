import { recordEvent } from '@gametriggers/events';
import type { PaymentSql } from '../database';
import { toBigInt } from '../database';
import { balanceOf } from '../ledger/balances';
import { accounts, feeShardFor } from '../ledger/chart-of-accounts';
import type { PostingRequest } from '../ledger/post-entries';
import { postEntry } from '../ledger/post-entries';
import type { CampaignTerms } from './campaign-terms';
import { lockCampaignTerms } from './campaign-terms';
import { chargeQueuedHoursOf } from './counted-hours-inbox';
import { creditEarningsLots } from './earnings';
import { splitCharge } from './fee-split';
import type { MoneyContext } from './money-context';
import { cents } from './money-context';

/** Shares `pot` by `weights` (largest remainder): every share is floor or ceiling, and they sum to `pot`. */
export function shareByLargestRemainder<K>(
  pot: bigint,
  weights: Array<{ key: K; weight: bigint }>,
): Array<{ key: K; share: bigint }> {
  const total = weights.reduce((sum, entry) => sum + entry.weight, 0n);
  if (total === 0n) return weights.map(({ key }) => ({ key, share: 0n }));
  const shares = weights.map(({ key, weight }, index) => ({
    key,
    index,
    share: (pot * weight) / total,
    remainder: (pot * weight) % total,
  }));
  let left = pot - shares.reduce((sum, entry) => sum + entry.share, 0n);
  // Ties go to the earlier entry, so the outcome depends on the order given and nothing else.
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const entry of byRemainder) {
    if (left === 0n) break;
    entry.share += 1n;
    left -= 1n;
  }
  return shares.map(({ key, share }) => ({ key, share }));
}

/**
 * A fixed-fee campaign's end: its pot (what the escrow holds) is shared between the streamers by
 * their counted impressions, each share split into earnings and fee, in one entry (`fixedpot:<id>`).
 */
export async function settleFixedPot(
  tx: PaymentSql,
  context: MoneyContext,
  terms: CampaignTerms,
): Promise<bigint> {
  const escrow = accounts.campaignEscrow(terms.campaignId, terms.currency);
  const pot = (await balanceOf(tx, escrow.code)).available;
  if (pot <= 0n) return 0n;
  const { platformFeeBps } = await context.platformConfig.get();
  const rows = await tx.$queryRawUnsafe<Array<{ streamerId: string; impressions: unknown }>>(
    `SELECT "streamerId", SUM("impressions")::text AS impressions FROM "participation_hour_charges"
     WHERE "campaignId" = $1::uuid GROUP BY "streamerId" HAVING SUM("impressions") > 0 ORDER BY "streamerId"`,
    terms.campaignId,
  );
  const shares = shareByLargestRemainder(
    pot,
    rows.map((row) => ({ key: row.streamerId, weight: toBigInt(row.impressions) })),
  ).filter((entry) => entry.share > 0n);
  if (shares.length === 0) return 0n;
  const key = `fixedpot:${terms.campaignId}`;
  const postings: PostingRequest[] = [{ account: escrow, direction: 'debit', amount: pot }];
  let fees = 0n;
  const lots = [];
  for (const { key: streamerId, share } of shares) {
    const { feeCents, earningsCents } = splitCharge(share, platformFeeBps);
    fees += feeCents;
    if (earningsCents > 0n) {
      postings.push({
        account: accounts.streamerPending(streamerId, terms.currency),
        direction: 'credit',
        amount: earningsCents,
      });
      lots.push({
        streamerId,
        campaignId: terms.campaignId,
        currency: terms.currency,
        amountCents: earningsCents,
      });
    }
  }
  if (fees > 0n)
    postings.push({
      account: accounts.platformFees(feeShardFor(key), terms.currency),
      direction: 'credit',
      amount: fees,
    });
  const entry = await postEntry(
    tx,
    { idempotencyKey: key, kind: 'fixed_pot', cause: { campaignId: terms.campaignId }, postings },
    context.now(),
  );
  if (entry.replayed) return 0n;
  await creditEarningsLots(
    tx,
    context,
    lots.map((lot) => ({ ...lot, entryId: entry.entryId })),
  );
  terms.spentCents += pot;
  await tx.$executeRawUnsafe(
    `UPDATE "campaign_terms" SET "spentCents" = $2::bigint, "updatedAt" = $3::timestamptz WHERE "campaignId" = $1::uuid`,
    terms.campaignId,
    terms.spentCents.toString(),
    context.now(),
  );
  await recordEvent(tx, 'payment.campaign_charged', {
    campaignId: terms.campaignId,
    brandId: terms.brandId,
    spentCents: cents(terms.spentCents),
    remainingCents: cents(terms.budgetCents - terms.spentCents),
  });
  return pot;
}

export type ReleaseReason = 'completed' | 'cancelled' | 'rejected';

/**
 * The campaign's end (completed, cancelled, rejected): a fixed pot is shared first when it
 * completed, then what the escrow still holds goes back to the brand's wallet (`release:<id>`).
 * Once per campaign; later charges find the escrow empty.
 */
export async function releaseCampaignEscrow(
  tx: PaymentSql,
  context: MoneyContext,
  input: { campaignId: string; reason: ReleaseReason },
): Promise<{ releasedCents: number }> {
  // Hours counted before the end are charged before what is left goes back.
  await chargeQueuedHoursOf(tx, context, input.campaignId);
  const terms = (await lockCampaignTerms(tx, [input.campaignId])).get(input.campaignId);
  if (!terms || terms.status === 'released') return { releasedCents: 0 };
  if (terms.pricingModel === 'fixed' && input.reason === 'completed')
    await settleFixedPot(tx, context, terms);
  const escrow = accounts.campaignEscrow(terms.campaignId, terms.currency);
  const left = (await balanceOf(tx, escrow.code)).available;
  if (left > 0n) {
    await postEntry(
      tx,
      {
        idempotencyKey: `release:${terms.campaignId}`,
        kind: 'budget_release',
        cause: { campaignId: terms.campaignId, brandId: terms.brandId, reason: input.reason },
        postings: [
          { account: escrow, direction: 'debit', amount: left },
          {
            account: accounts.brandWallet(terms.brandId, terms.currency),
            direction: 'credit',
            amount: left,
          },
        ],
      },
      context.now(),
    );
  }
  await tx.$executeRawUnsafe(
    `UPDATE "campaign_terms" SET "status" = 'released', "updatedAt" = $2::timestamptz WHERE "campaignId" = $1::uuid`,
    terms.campaignId,
    context.now(),
  );
  await recordEvent(tx, 'payment.budget_released', {
    campaignId: terms.campaignId,
    brandId: terms.brandId,
    releasedCents: cents(left),
    reason: input.reason,
    currency: terms.currency,
  });
  return { releasedCents: cents(left) };
}
