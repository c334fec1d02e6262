import type { PaymentSql } from '../database';
import { accounts } from '../ledger/chart-of-accounts';
import type { AccountSpec } from '../ledger/chart-of-accounts';
import type { EntryRequest } from '../ledger/post-entries';
import { postEntries } from '../ledger/post-entries';
import type { MoneyContext } from './money-context';

export type LegacyOpeningAccount =
  'brand_wallet' | 'streamer_earnings_available' | 'streamer_earnings_pending';

export interface LegacyOpeningInput {
  /** The old platform's wallet: with the account, the idempotency key of each opening entry. */
  legacyWalletId: string;
  /** The owner's account id here (identity's, as the import made it). */
  ownerId: string;
  currency: string;
  entries: Array<{ account: LegacyOpeningAccount; amountCents: number }>;
}

const accountOf: Record<LegacyOpeningAccount, (ownerId: string, currency: string) => AccountSpec> =
  {
    brand_wallet: accounts.brandWallet,
    streamer_earnings_available: accounts.streamerAvailable,
    streamer_earnings_pending: accounts.streamerPending,
  };

/**
 * What the old platform owed a person, opened in the ledger (issue 14): one entry per account, from
 * the world side (the clearing account: the money came over with the platform's bank balance) into
 * the person's wallet or earnings. Keyed by the old wallet id and account, so running the import
 * again changes nothing, and a different amount under a used key is refused
 * (`exists_with_different_amount`): an opening is made once, corrections are admins' adjustments.
 */
export async function openLegacyBalances(
  tx: PaymentSql,
  context: MoneyContext,
  input: LegacyOpeningInput,
) {
  const requests: EntryRequest[] = input.entries
    .filter(({ amountCents }) => amountCents > 0)
    .map(({ account, amountCents }) => ({
      idempotencyKey: `legacy-opening:${input.legacyWalletId}:${account}`,
      kind: 'legacy_opening',
      cause: { legacyWalletId: input.legacyWalletId, ownerId: input.ownerId, account },
      postings: [
        {
          account: accounts.clearing(input.currency),
          direction: 'debit',
          amount: BigInt(amountCents),
        },
        {
          account: accountOf[account](input.ownerId, input.currency),
          direction: 'credit',
          amount: BigInt(amountCents),
        },
      ],
    }));
  const results = requests.length ? await postEntries(tx, requests, context.now()) : [];
  return {
    outcome: results.some((result) => !result.replayed)
      ? ('created' as const)
      : ('unchanged' as const),
    openedCents: input.entries.reduce((sum, { amountCents }) => sum + amountCents, 0),
  };
}
