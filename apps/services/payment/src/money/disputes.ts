import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import { balanceOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';
import { findEntry, lockIdempotencyKey } from '../ledger/entry-lookup';
import { postEntry } from '../ledger/post-entries';
import type { MoneyContext } from './money-context';
import { cents } from './money-context';

const holdKey = (disputeId: string) => `dispute:${disputeId}:hold`;

async function heldAmount(
  tx: PaymentSql,
  disputeId: string,
  currency: string,
): Promise<bigint | null> {
  const entry = await findEntry(tx, holdKey(disputeId));
  if (!entry) return null;
  const held = entry.postings.find(
    (posting) => posting.accountCode === accounts.disputesHeld(currency).code,
  );
  return held?.amount ?? 0n;
}

/**
 * A chargeback opened: the disputed amount (as much of it as the wallet still holds) moves from the
 * brand's wallet to the dispute hold. Once per dispute; returns what is held.
 */
export async function holdDispute(
  tx: PaymentSql,
  context: MoneyContext,
  input: { disputeId: string; brandId: string; amountCents: number; currency?: string },
): Promise<{ heldCents: number }> {
  const currency = input.currency ?? 'USD';
  const key = holdKey(input.disputeId);
  await lockIdempotencyKey(tx, key);
  const earlier = await heldAmount(tx, input.disputeId, currency);
  if (earlier !== null) return { heldCents: cents(earlier) };
  const wallet = accounts.brandWallet(input.brandId, currency);
  const available = (await balanceOf(tx, wallet.code)).available;
  const held = BigInt(input.amountCents) < available ? BigInt(input.amountCents) : available;
  // Under the key's lock a hold of nothing is still recorded, as a zero-sum entry with no postings.
  await postEntry(
    tx,
    {
      idempotencyKey: key,
      kind: 'dispute_hold',
      cause: {
        disputeId: input.disputeId,
        brandId: input.brandId,
        disputedCents: input.amountCents,
      },
      postings:
        held > 0n
          ? [
              { account: wallet, direction: 'debit', amount: held },
              { account: accounts.disputesHeld(currency), direction: 'credit', amount: held },
            ]
          : [],
      phase: held > 0n ? 'posted' : 'void',
    },
    context.now(),
  );
  await recordEvent(tx, 'payment.dispute_opened', {
    disputeId: input.disputeId,
    brandId: input.brandId,
    amountCents: input.amountCents,
    heldCents: cents(held),
    currency,
  });
  return { heldCents: cents(held) };
}

/** The dispute closed: won, the held amount returns to the wallet; lost, it leaves to Stripe (clearing). */
export async function closeDispute(
  tx: PaymentSql,
  context: MoneyContext,
  input: { disputeId: string; brandId: string; outcome: 'won' | 'lost'; currency?: string },
): Promise<{ heldCents: number }> {
  const currency = input.currency ?? 'USD';
  const key = `dispute:${input.disputeId}:close`;
  await lockIdempotencyKey(tx, key);
  const held = await heldAmount(tx, input.disputeId, currency);
  if (held === null)
    throw new DomainError('not_found', 'dispute_not_found', 'There is no such dispute.');
  if (await findEntry(tx, key)) return { heldCents: cents(held) };
  await postEntry(
    tx,
    {
      idempotencyKey: key,
      kind: 'dispute_close',
      cause: { disputeId: input.disputeId, brandId: input.brandId, outcome: input.outcome },
      postings:
        held > 0n
          ? [
              { account: accounts.disputesHeld(currency), direction: 'debit', amount: held },
              input.outcome === 'won'
                ? {
                    account: accounts.brandWallet(input.brandId, currency),
                    direction: 'credit',
                    amount: held,
                  }
                : { account: accounts.clearing(currency), direction: 'credit', amount: held },
            ]
          : [],
      phase: held > 0n ? 'posted' : 'void',
    },
    context.now(),
  );
  await recordEvent(tx, 'payment.dispute_closed', {
    disputeId: input.disputeId,
    brandId: input.brandId,
    outcome: input.outcome,
    heldCents: cents(held),
    currency,
  });
  return { heldCents: cents(held) };
}
