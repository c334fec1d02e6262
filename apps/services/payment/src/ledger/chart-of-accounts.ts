import { createHash } from 'node:crypto';

export type AccountKind =
  | 'clearing'
  | 'brand_wallet'
  | 'campaign_escrow'
  | 'streamer_pending'
  | 'streamer_available'
  | 'platform_fees'
  | 'payouts_in_transit'
  | 'disputes_held'
  | 'platform_adjustments';

/** What an account is: enough to create it the first time a posting names it. */
export interface AccountSpec {
  code: string;
  kind: AccountKind;
  ownerId: string | null;
  currency: string;
  normalBalance: 'debit' | 'credit';
  allowsNegative: boolean;
}

/** The platform fee account is spread over this many rows, summed on read, so charges do not queue on one row. */
export const FEE_SHARDS = 8;

const liability = (
  code: string,
  kind: AccountKind,
  ownerId: string | null,
  currency: string,
): AccountSpec => ({
  code,
  kind,
  ownerId,
  currency,
  normalBalance: 'credit',
  allowsNegative: false,
});

/**
 * The chart of accounts (MONEY-DESIGN.md). Only the clearing account (the world side) and the
 * platform's adjustments account may go negative.
 */
export const accounts = {
  clearing: (currency = 'USD'): AccountSpec => ({
    code: `stripe:clearing:${currency}`,
    kind: 'clearing',
    ownerId: null,
    currency,
    normalBalance: 'debit',
    allowsNegative: true,
  }),
  brandWallet: (brandId: string, currency = 'USD') =>
    liability(`brand:${brandId}:wallet:${currency}`, 'brand_wallet', brandId, currency),
  campaignEscrow: (campaignId: string, currency = 'USD') =>
    liability(`campaign:${campaignId}:escrow:${currency}`, 'campaign_escrow', campaignId, currency),
  streamerPending: (streamerId: string, currency = 'USD') =>
    liability(
      `streamer:${streamerId}:earnings_pending:${currency}`,
      'streamer_pending',
      streamerId,
      currency,
    ),
  streamerAvailable: (streamerId: string, currency = 'USD') =>
    liability(
      `streamer:${streamerId}:earnings_available:${currency}`,
      'streamer_available',
      streamerId,
      currency,
    ),
  platformFees: (shard: number, currency = 'USD') =>
    liability(`platform:fees:${currency}:${shard}`, 'platform_fees', null, currency),
  payoutsInTransit: (currency = 'USD') =>
    liability(`payouts:in_transit:${currency}`, 'payouts_in_transit', null, currency),
  disputesHeld: (currency = 'USD') =>
    liability(`disputes:held:${currency}`, 'disputes_held', null, currency),
  /** The other side of admins' adjustments: what the platform has given out net of what it took back. */
  platformAdjustments: (currency = 'USD'): AccountSpec => ({
    code: `platform:adjustments:${currency}`,
    kind: 'platform_adjustments',
    ownerId: null,
    currency,
    normalBalance: 'debit',
    allowsNegative: true,
  }),
};

/** The fee shard an entry credits, from its idempotency key: stable, and spread evenly. */
export function feeShardFor(idempotencyKey: string): number {
  return createHash('sha256').update(idempotencyKey).digest().readUInt32BE(0) % FEE_SHARDS;
}
