import { randomUUID } from 'node:crypto';
import { formatCents } from '@gametriggers/contracts';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction } from '@gametriggers/events';
import { DomainError } from '@gametriggers/trpc';
import Stripe from 'stripe';
import type { PaymentSql } from '../database';
import type { PaymentDeps } from '../deps';
import { lockIdempotencyKey } from '../ledger/entry-lookup';
import { holdWithdrawal, postWithdrawal, settlePayout, voidWithdrawal } from '../money/withdrawals';
import { configuredWithdrawalLimits, withdrawalLimits } from './withdrawal-limits';
import { stripeDidNotAnswer } from '../stripe/stripe-outages';

export type WithdrawalStatus = 'awaiting_approval' | 'transferring' | 'in_transit' | 'paid' | 'failed' | 'rejected';

export interface WithdrawalView {
  id: string;
  amountCents: number;
  currency: string;
  status: WithdrawalStatus;
  failureReason: string | null;
  requestedAt: Date;
  settledAt: Date | null;
}

interface WithdrawalRow {
  id: string;
  streamerId: string;
  amountCents: bigint;
  currency: string;
  status: string;
  accountId: string;
  transferId: string | null;
  payoutId: string | null;
  failureReason: string | null;
  requestedAt: Date;
  settledAt: Date | null;
}

export const toWithdrawalView = (row: WithdrawalRow): WithdrawalView => ({
  id: row.id,
  amountCents: Number(row.amountCents),
  currency: row.currency,
  status: row.status as WithdrawalStatus,
  failureReason: row.failureReason,
  requestedAt: row.requestedAt,
  settledAt: row.settledAt,
});

const refused = (reason: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('precondition_failed', reason, message, details);

/**
 * A streamer asks for `amountCents` of their available earnings: checked against the KYC gate and
 * the limits, held in the ledger, then sent (or left for an admin above the approval threshold).
 */
export async function requestWithdrawal(deps: PaymentDeps, streamerId: string, amountCents: number): Promise<WithdrawalView> {
  const account = await deps.db.payoutAccount.findUnique({ where: { streamerId } });
  if (!account?.payoutsEnabled) {
    throw refused('payouts_not_enabled', 'Finish setting up your payout account before withdrawing.');
  }
  const config = await deps.platformConfig.get();
  const limits = configuredWithdrawalLimits(config);
  if (amountCents < limits.minCents) {
    throw refused('below_minimum', `The smallest withdrawal is ${formatCents(limits.minCents, 'USD')}.`);
  }
  const id = randomUUID();
  const needsApproval = amountCents > limits.approvalCents;
  await deps.transaction(async (tx) => {
    // One request of the streamer at a time, so two cannot both fit under the same limit.
    await lockIdempotencyKey(tx, `withdrawals:${streamerId}`);
    const now = deps.now();
    const left = await withdrawalLimits(tx, config, streamerId, now);
    if (amountCents > left.leftTodayCents) {
      throw refused('daily_limit', `You can withdraw ${formatCents(left.leftTodayCents, 'USD')} more today.`, { leftCents: left.leftTodayCents });
    }
    if (amountCents > left.leftThisMonthCents) {
      throw refused('monthly_limit', `You can withdraw ${formatCents(left.leftThisMonthCents, 'USD')} more this month.`, {
        leftCents: left.leftThisMonthCents,
      });
    }
    await tx.$executeRawUnsafe(
      `INSERT INTO "withdrawals" ("id", "streamerId", "amountCents", "status", "accountId", "requestedAt") VALUES ($1, $2, $3, $4, $5, $6)`,
      id,
      streamerId,
      amountCents,
      needsApproval ? 'awaiting_approval' : 'transferring',
      account.accountId,
      now,
    );
    await holdWithdrawal(tx, deps, { withdrawalId: id, streamerId, amountCents });
  });
  if (!needsApproval) await sendWithdrawal(deps, id);
  return toWithdrawalView(await withdrawalById(deps, id));
}

async function withdrawalById(deps: PaymentDeps, id: string): Promise<WithdrawalRow> {
  const row = await deps.db.withdrawal.findUnique({ where: { id } });
  if (!row) throw new DomainError('not_found', 'withdrawal_not_found', 'There is no such withdrawal.');
  return row;
}

async function markWithdrawal(tx: PaymentSql, id: string, fields: Record<string, unknown>) {
  const names = Object.keys(fields);
  await tx.$executeRawUnsafe(
    `UPDATE "withdrawals" SET ${names.map((name, index) => `"${name}" = $${index + 2}`).join(', ')} WHERE "id" = $1`,
    id,
    ...names.map((name) => fields[name]),
  );
}

/** The money returns to the streamer: the hold is voided and the withdrawal ends `failed`/`rejected`. */
async function returnWithdrawal(tx: PaymentSql, deps: PaymentDeps, id: string, status: 'failed' | 'rejected', reason: string) {
  await voidWithdrawal(tx, deps, { withdrawalId: id, reason });
  await markWithdrawal(tx, id, { status, failureReason: reason.slice(0, 500), settledAt: deps.now() });
}

/**
 * Transfer (idempotency key `withdrawal:<id>`) to the streamer's account, then a payout to their
 * bank (`payout:<id>`). A refused transfer or payout returns the money; when Stripe cannot be
 * reached the withdrawal stays as it is (`transferring`, or `in_transit` without a payout) and the
 * watch job sends it again under the same keys.
 */
export async function sendWithdrawal(deps: PaymentDeps, id: string): Promise<void> {
  try {
    await transferWithdrawal(deps, id);
    await payOutWithdrawal(deps, id);
  } catch (error) {
    if (!stripeDidNotAnswer(error)) throw error;
    deps.log.error({ err: error, withdrawalId: id }, 'withdrawal not sent yet: Stripe did not answer');
  }
}

async function transferWithdrawal(deps: PaymentDeps, id: string) {
  const withdrawal = await withdrawalById(deps, id);
  if (withdrawal.status !== 'transferring') return;
  let transfer: Stripe.Transfer;
  try {
    transfer = await deps.stripe.transfers.create(
      {
        amount: Number(withdrawal.amountCents),
        currency: withdrawal.currency.toLowerCase(),
        destination: withdrawal.accountId,
        metadata: { withdrawalId: id },
      },
      { idempotencyKey: `withdrawal:${id}` },
    );
  } catch (error) {
    if (!isRefusal(error)) throw error;
    deps.log.warn({ err: error, withdrawalId: id }, 'transfer refused');
    await deps.transaction((tx) => returnWithdrawal(tx, deps, id, 'failed', 'The transfer to your payout account failed.'));
    return;
  }
  await deps.transaction(async (tx) => {
    await postWithdrawal(tx, deps, { withdrawalId: id });
    await markWithdrawal(tx, id, { status: 'in_transit', transferId: transfer.id });
  });
}

async function payOutWithdrawal(deps: PaymentDeps, id: string) {
  const withdrawal = await withdrawalById(deps, id);
  if (withdrawal.status !== 'in_transit' || withdrawal.payoutId) return;
  try {
    const payout = await deps.stripe.payouts.create(
      { amount: Number(withdrawal.amountCents), currency: withdrawal.currency.toLowerCase(), metadata: { withdrawalId: id } },
      { stripeAccount: withdrawal.accountId, idempotencyKey: `payout:${id}` },
    );
    await deps.db.withdrawal.updateMany({ where: { id, payoutId: null }, data: { payoutId: payout.id } });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    deps.log.warn({ err: error, withdrawalId: id }, 'payout refused');
    await failPayout(deps, id, 'The payout to your bank failed.');
  }
}


/** Stripe answered and said no (a card, a balance, a request it will not take). */
const isRefusal = (error: unknown) => error instanceof Stripe.errors.StripeError && !stripeDidNotAnswer(error);

/** The withdrawal a payout of ours belongs to (by id, or by its metadata when the id is not stored yet). */
async function withdrawalOfPayout(deps: PaymentDeps, payout: Stripe.Payout): Promise<WithdrawalRow | null> {
  const byPayout = await deps.db.withdrawal.findUnique({ where: { payoutId: payout.id } });
  if (byPayout) return byPayout;
  const withdrawalId = payout.metadata?.withdrawalId;
  return withdrawalId ? deps.db.withdrawal.findUnique({ where: { id: withdrawalId } }) : null;
}

/** `payout.paid`: the money left for the streamer's bank; the withdrawal is done. */
export async function settlePaidPayout(tx: PaymentSql, deps: PaymentDeps, payout: Stripe.Payout): Promise<void> {
  const withdrawal = await withdrawalOfPayout(deps, payout);
  if (!withdrawal) return;
  await settlePayout(tx, deps, {
    withdrawalId: withdrawal.id,
    streamerId: withdrawal.streamerId,
    amountCents: Number(withdrawal.amountCents),
    currency: withdrawal.currency,
    outcome: 'paid',
  });
  await markWithdrawal(tx, withdrawal.id, { status: 'paid', payoutId: payout.id, settledAt: deps.now() });
}

/**
 * The bank refused the payout: the transfer is reversed (the money comes back to the platform,
 * key `reversal:<id>`) and the streamer's available earnings get it back.
 */
export async function failPayout(deps: PaymentDeps, withdrawalId: string, reason: string, payoutId?: string): Promise<void> {
  const withdrawal = await withdrawalById(deps, withdrawalId);
  if (withdrawal.status !== 'in_transit') return;
  if (withdrawal.transferId) {
    await deps.stripe.transfers.createReversal(withdrawal.transferId, { metadata: { withdrawalId } }, { idempotencyKey: `reversal:${withdrawalId}` });
  }
  await deps.transaction(async (tx) => {
    await settlePayout(tx, deps, {
      withdrawalId,
      streamerId: withdrawal.streamerId,
      amountCents: Number(withdrawal.amountCents),
      currency: withdrawal.currency,
      outcome: 'failed',
      reason,
    });
    await markWithdrawal(tx, withdrawalId, {
      status: 'failed',
      failureReason: reason.slice(0, 500),
      settledAt: deps.now(),
      ...(payoutId ? { payoutId } : {}),
    });
  });
}

export async function failedPayoutWithdrawal(deps: PaymentDeps, payout: Stripe.Payout): Promise<string | null> {
  return (await withdrawalOfPayout(deps, payout))?.id ?? null;
}

/** An admin lets a large withdrawal go (it is then sent) … */
export async function approveWithdrawal(deps: PaymentDeps, admin: AdminActor, id: string): Promise<WithdrawalView> {
  await decide(deps, admin, id, { status: 'transferring' }, (tx) => markWithdrawal(tx, id, { status: 'transferring' }));
  await sendWithdrawal(deps, id);
  return toWithdrawalView(await withdrawalById(deps, id));
}

/** … or refuses it (the money returns to the streamer's available earnings). */
export async function rejectWithdrawal(deps: PaymentDeps, admin: AdminActor, id: string, reason: string): Promise<WithdrawalView> {
  await decide(deps, admin, id, { status: 'rejected', reason }, (tx) => returnWithdrawal(tx, deps, id, 'rejected', reason));
  return toWithdrawalView(await withdrawalById(deps, id));
}

/** The decision, its writes and its audit record are one transaction. */
async function decide(
  deps: PaymentDeps,
  admin: AdminActor,
  id: string,
  decision: { status: 'transferring' | 'rejected'; reason?: string },
  apply: (tx: PaymentSql) => Promise<void>,
) {
  await deps.transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ status: string; streamerId: string; amountCents: string }>>(
      `SELECT "status", "streamerId"::text AS "streamerId", "amountCents"::text AS "amountCents" FROM "withdrawals" WHERE "id" = $1 FOR UPDATE`,
      id,
    );
    const withdrawal = rows[0];
    if (!withdrawal) throw new DomainError('not_found', 'withdrawal_not_found', 'There is no such withdrawal.');
    if (withdrawal.status !== 'awaiting_approval') {
      throw new DomainError('conflict', 'withdrawal_already_decided', 'This withdrawal has already been decided.');
    }
    const now = deps.now();
    await markWithdrawal(tx, id, { decidedBy: admin.adminId, decidedAt: now });
    await apply(tx);
    await recordAdminAction(tx, {
      actor: admin,
      permission: 'canViewFinancials',
      action: decision.status === 'rejected' ? 'payment.withdrawal.reject' : 'payment.withdrawal.approve',
      subject: { type: 'withdrawal', id },
      before: { status: withdrawal.status },
      after: { status: decision.status, streamerId: withdrawal.streamerId, amountCents: Number(withdrawal.amountCents) },
      reason: decision.reason,
      occurredAt: now,
    });
  });
}

export async function streamerWithdrawals(deps: PaymentDeps, streamerId: string, limit: number): Promise<WithdrawalView[]> {
  const rows = await deps.db.withdrawal.findMany({ where: { streamerId }, orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map(toWithdrawalView);
}

export async function withdrawalsAwaitingApproval(deps: PaymentDeps, limit: number) {
  const rows = await deps.db.withdrawal.findMany({ where: { status: 'awaiting_approval' }, orderBy: { requestedAt: 'asc' }, take: limit });
  return rows.map((row) => ({ ...toWithdrawalView(row), streamerId: row.streamerId }));
}
