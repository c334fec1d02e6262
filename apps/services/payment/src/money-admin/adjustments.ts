import type { MoneyAdjustmentInput, MoneyHolder } from '@gametriggers/contracts';
import { formatCents } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import type { PaymentDeps } from '../deps';
import { balanceOf } from '../ledger/balances';
import type { AccountSpec } from '../ledger/chart-of-accounts';
import { accounts } from '../ledger/chart-of-accounts';
import { InsufficientFundsError, postEntry } from '../ledger/post-entries';
import { cents } from '../money/money-context';
import { moneySubjectType } from './freezes';

const CURRENCY = 'USD';

/** The account an adjustment changes: a brand's wallet, or a streamer's available earnings. */
export const adjustedAccount = (holder: MoneyHolder, ownerId: string): AccountSpec =>
  holder === 'brand' ? accounts.brandWallet(ownerId, CURRENCY) : accounts.streamerAvailable(ownerId, CURRENCY);

/**
 * An admin's correction: a new entry between the account and the platform's adjustments account
 * (balances are never edited). A debit that would take the balance below zero is refused; the same
 * idempotency key takes effect once (and is audited once).
 */
export async function adjustMoney(deps: PaymentDeps, admin: AdminActor, input: MoneyAdjustmentInput) {
  const now = deps.now();
  const amount = BigInt(input.amountCents);
  const target = adjustedAccount(input.holder, input.ownerId);
  const platform = accounts.platformAdjustments(CURRENCY);
  const [debited, credited] = input.direction === 'credit' ? [platform, target] : [target, platform];
  return deps.transaction(async (tx) => {
    const before = await balanceOf(tx, target.code);
    let result;
    try {
      result = await postEntry(
        tx,
        {
          idempotencyKey: `adjustment:${input.idempotencyKey}`,
          kind: 'adjustment',
          cause: {
            holder: input.holder,
            ownerId: input.ownerId,
            adminId: admin.adminId,
            reason: input.reason,
          },
          postings: [
            { account: debited, direction: 'debit', amount },
            { account: credited, direction: 'credit', amount },
          ],
        },
        now,
      );
    } catch (error) {
      if (error instanceof InsufficientFundsError) {
        throw new DomainError(
          'precondition_failed',
          'adjustment_exceeds_balance',
          `The balance is ${formatCents(cents(before.available), CURRENCY)}; a debit cannot take it below zero.`,
          { shortByCents: Number(error.shortByCents) },
        );
      }
      throw error;
    }
    const after = await balanceOf(tx, target.code);
    if (!result.replayed) {
      await recordAdminAction(tx, {
        actor: admin,
        permission: 'canViewFinancials',
        action: `payment.${moneySubjectType[input.holder]}.${input.direction}`,
        subject: { type: moneySubjectType[input.holder], id: input.ownerId },
        before: { availableCents: cents(before.available) },
        after: { availableCents: cents(after.available), amountCents: input.amountCents },
        reason: input.reason,
        occurredAt: now,
      });
    }
    return {
      entryId: String(result.entryId),
      replayed: result.replayed,
      availableCents: cents(after.available),
    };
  });
}
