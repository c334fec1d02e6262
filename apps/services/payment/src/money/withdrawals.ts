import { formatCents } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentSql } from '../database';
import { accounts } from '../ledger/chart-of-accounts';
import { findEntry, lockIdempotencyKey } from '../ledger/entry-lookup';
import { findHold, resolveHold } from '../ledger/holds';
import type { EntryResult } from '../ledger/post-entries';
import { InsufficientFundsError, postEntry } from '../ledger/post-entries';
import { assertNotFrozen } from '../money-admin/freezes';
import type { MoneyContext } from './money-context';
import { cents } from './money-context';

export interface WithdrawalHoldInput {
  withdrawalId: string;
  streamerId: string;
  amountCents: number;
  currency?: string;
}

const holdKey = (withdrawalId: string) => `withdrawal:${withdrawalId}:hold`;

async function withdrawalHold(tx: PaymentSql, withdrawalId: string) {
  const hold = await findHold(tx, holdKey(withdrawalId));
  if (!hold)
    throw new DomainError('not_found', 'withdrawal_not_found', 'There is no such withdrawal.');
  return hold;
}

/**
 * A withdrawal request: the amount is held (available earnings → payouts in transit, pending)
 * until the transfer is made (`postWithdrawal`) or fails (`voidWithdrawal`).
 */
export async function holdWithdrawal(
  tx: PaymentSql,
  context: MoneyContext,
  input: WithdrawalHoldInput,
): Promise<EntryResult> {
  const currency = input.currency ?? 'USD';
  const amount = BigInt(input.amountCents);
  await assertNotFrozen(tx, 'streamer', input.streamerId);
  let result: EntryResult;
  try {
    result = await postEntry(
      tx,
      {
        idempotencyKey: holdKey(input.withdrawalId),
        kind: 'withdrawal',
        phase: 'pending',
        cause: { withdrawalId: input.withdrawalId, streamerId: input.streamerId },
        postings: [
          {
            account: accounts.streamerAvailable(input.streamerId, currency),
            direction: 'debit',
            amount,
          },
          { account: accounts.payoutsInTransit(currency), direction: 'credit', amount },
        ],
      },
      context.now(),
    );
  } catch (error) {
    if (error instanceof InsufficientFundsError) {
      throw new DomainError(
        'precondition_failed',
        'earnings_short',
        `You can withdraw at most ${formatCents(input.amountCents - Number(error.shortByCents), currency)} now.`,
        { shortByCents: Number(error.shortByCents) },
      );
    }
    throw error;
  }
  if (!result.replayed) {
    await recordEvent(tx, 'payment.withdrawal_requested', {
      withdrawalId: input.withdrawalId,
      streamerId: input.streamerId,
      amountCents: input.amountCents,
      currency,
    });
  }
  return result;
}

/** The transfer was made: the hold is posted (the whole amount, or `amountCents` of it). */
export async function postWithdrawal(
  tx: PaymentSql,
  context: MoneyContext,
  input: { withdrawalId: string; amountCents?: number },
): Promise<EntryResult> {
  const hold = await withdrawalHold(tx, input.withdrawalId);
  return resolveHold(
    tx,
    {
      hold,
      idempotencyKey: `withdrawal:${input.withdrawalId}:post`,
      kind: 'withdrawal',
      cause: { withdrawalId: input.withdrawalId },
      outcome: { post: input.amountCents === undefined ? hold.amount : BigInt(input.amountCents) },
    },
    context.now(),
  );
}

/** The transfer failed or was refused: the hold ends and the money is available again. */
export async function voidWithdrawal(
  tx: PaymentSql,
  context: MoneyContext,
  input: { withdrawalId: string; reason: string },
): Promise<EntryResult> {
  const hold = await withdrawalHold(tx, input.withdrawalId);
  const result = await resolveHold(
    tx,
    {
      hold,
      idempotencyKey: `withdrawal:${input.withdrawalId}:void`,
      kind: 'withdrawal',
      cause: { withdrawalId: input.withdrawalId, reason: input.reason },
      outcome: 'void',
    },
    context.now(),
  );
  if (!result.replayed) {
    const streamerId = String(hold.cause.streamerId);
    await recordEvent(tx, 'payment.withdrawal_failed', {
      withdrawalId: input.withdrawalId,
      streamerId,
      amountCents: cents(hold.amount),
      currency: hold.postings[0]!.account.currency,
      reason: input.reason,
    });
  }
  return result;
}

export interface PayoutInput {
  withdrawalId: string;
  streamerId: string;
  amountCents: number;
  currency?: string;
}

/**
 * The connected account's payout ended: paid (in transit → clearing, the money left us) or failed
 * (in transit → the streamer's available earnings). One of the two, once, per withdrawal.
 */
export async function settlePayout(
  tx: PaymentSql,
  context: MoneyContext,
  input: PayoutInput & { outcome: 'paid' | 'failed'; reason?: string },
): Promise<EntryResult> {
  const currency = input.currency ?? 'USD';
  const amount = BigInt(input.amountCents);
  const key = `payout:${input.withdrawalId}:${input.outcome}`;
  const other = `payout:${input.withdrawalId}:${input.outcome === 'paid' ? 'failed' : 'paid'}`;
  await lockIdempotencyKey(tx, `payout:${input.withdrawalId}`);
  if (await findEntry(tx, other)) {
    throw new DomainError(
      'conflict',
      'payout_already_settled',
      'This payout has already been settled the other way.',
    );
  }
  const result = await postEntry(
    tx,
    {
      idempotencyKey: key,
      kind: 'payout',
      cause: {
        withdrawalId: input.withdrawalId,
        streamerId: input.streamerId,
        outcome: input.outcome,
      },
      postings: [
        { account: accounts.payoutsInTransit(currency), direction: 'debit', amount },
        input.outcome === 'paid'
          ? { account: accounts.clearing(currency), direction: 'credit', amount }
          : {
              account: accounts.streamerAvailable(input.streamerId, currency),
              direction: 'credit',
              amount,
            },
      ],
    },
    context.now(),
  );
  if (!result.replayed) {
    const common = {
      withdrawalId: input.withdrawalId,
      streamerId: input.streamerId,
      amountCents: input.amountCents,
      currency,
    };
    if (input.outcome === 'paid') await recordEvent(tx, 'payment.withdrawal_paid', common);
    else
      await recordEvent(tx, 'payment.withdrawal_failed', {
        ...common,
        reason: input.reason ?? 'payout_failed',
      });
  }
  return result;
}
