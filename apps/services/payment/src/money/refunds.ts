import { formatCents } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import { accounts } from '../ledger/chart-of-accounts';
import { findHold, resolveHold } from '../ledger/holds';
import type { EntryResult } from '../ledger/post-entries';
import { InsufficientFundsError, postEntry } from '../ledger/post-entries';
import { assertNotFrozen } from '../money-admin/freezes';
import type { MoneyContext } from './money-context';
import { cents } from './money-context';

const holdKey = (refundId: string) => `refund:${refundId}:hold`;

/** A brand's refund request: the amount is held on its wallet (→ clearing, pending) until Stripe answers. */
export async function holdRefund(
  tx: PaymentSql,
  context: MoneyContext,
  input: { refundId: string; brandId: string; amountCents: number; currency?: string },
): Promise<EntryResult> {
  const currency = input.currency ?? 'USD';
  const amount = BigInt(input.amountCents);
  await assertNotFrozen(tx, 'brand', input.brandId);
  try {
    return await postEntry(
      tx,
      {
        idempotencyKey: holdKey(input.refundId),
        kind: 'refund',
        phase: 'pending',
        cause: { refundId: input.refundId, brandId: input.brandId },
        postings: [
          { account: accounts.brandWallet(input.brandId, currency), direction: 'debit', amount },
          { account: accounts.clearing(currency), direction: 'credit', amount },
        ],
      },
      context.now(),
    );
  } catch (error) {
    if (error instanceof InsufficientFundsError) {
      throw new DomainError(
        'precondition_failed',
        'refund_exceeds_wallet',
        `At most ${formatCents(input.amountCents - Number(error.shortByCents), currency)} of the wallet can be refunded.`,
        { shortByCents: Number(error.shortByCents) },
      );
    }
    throw error;
  }
}

async function refundHold(tx: PaymentSql, refundId: string) {
  const hold = await findHold(tx, holdKey(refundId));
  if (!hold) throw new DomainError('not_found', 'refund_not_found', 'There is no such refund.');
  return hold;
}

/** Stripe refunded it: the held amount leaves the wallet. */
export async function postRefund(
  tx: PaymentSql,
  context: MoneyContext,
  input: { refundId: string },
): Promise<EntryResult> {
  const hold = await refundHold(tx, input.refundId);
  const result = await resolveHold(
    tx,
    {
      hold,
      idempotencyKey: `refund:${input.refundId}:post`,
      kind: 'refund',
      cause: { refundId: input.refundId },
      outcome: { post: hold.amount },
    },
    context.now(),
  );
  if (!result.replayed) {
    await recordEvent(tx, 'payment.refund_issued', {
      refundId: input.refundId,
      brandId: String(hold.cause.brandId),
      amountCents: cents(hold.amount),
      currency: hold.postings[0]!.account.currency,
    });
  }
  return result;
}

/** The refund failed: the held amount is the wallet's again. */
export async function voidRefund(
  tx: PaymentSql,
  context: MoneyContext,
  input: { refundId: string; reason: string },
): Promise<EntryResult> {
  const hold = await refundHold(tx, input.refundId);
  return resolveHold(
    tx,
    {
      hold,
      idempotencyKey: `refund:${input.refundId}:void`,
      kind: 'refund',
      cause: { refundId: input.refundId, reason: input.reason },
      outcome: 'void',
    },
    context.now(),
  );
}
