import { recordEvent } from '@gametriggers/events';
import type { PaymentSql } from '../database';
import { accounts } from '../ledger/chart-of-accounts';
import type { EntryResult } from '../ledger/post-entries';
import { postEntry } from '../ledger/post-entries';
import type { MoneyContext } from './money-context';

export interface DepositInput {
  brandId: string;
  amountCents: number;
  currency?: string;
  /** The Stripe PaymentIntent that paid it: the idempotency key (`deposit:<id>`). */
  paymentIntentId: string;
  cause?: Record<string, unknown>;
}

/** A paid top-up: clearing → the brand's wallet, once per PaymentIntent however often it is reported. */
export async function creditDeposit(
  tx: PaymentSql,
  context: MoneyContext,
  input: DepositInput,
): Promise<EntryResult> {
  const currency = input.currency ?? 'USD';
  const amount = BigInt(input.amountCents);
  const result = await postEntry(
    tx,
    {
      idempotencyKey: `deposit:${input.paymentIntentId}`,
      kind: 'deposit',
      cause: { brandId: input.brandId, paymentIntentId: input.paymentIntentId, ...input.cause },
      postings: [
        { account: accounts.clearing(currency), direction: 'debit', amount },
        { account: accounts.brandWallet(input.brandId, currency), direction: 'credit', amount },
      ],
    },
    context.now(),
  );
  if (!result.replayed) {
    await recordEvent(tx, 'payment.deposit_received', {
      brandId: input.brandId,
      amountCents: input.amountCents,
      currency,
      paymentIntentId: input.paymentIntentId,
    });
  }
  return result;
}
