import { randomUUID } from 'node:crypto';
import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction, recordEvent } from '@gametriggers/events';
import type Stripe from 'stripe';
import type { PaymentDeps } from '../deps';
import { balancesOf } from '../ledger/balances';
import { accounts } from '../ledger/chart-of-accounts';

export type ReconciliationDifference =
  | { kind: 'payment_missing_in_ledger'; paymentIntentId: string; stripeCents: number }
  | { kind: 'payment_amount_differs'; paymentIntentId: string; stripeCents: number; ledgerCents: number }
  | { kind: 'deposit_missing_at_stripe'; paymentIntentId: string; ledgerCents: number }
  | { kind: 'transfer_missing_in_ledger'; transferId: string; stripeCents: number }
  | { kind: 'transfer_amount_differs'; transferId: string; stripeCents: number; ledgerCents: number }
  | { kind: 'balance_differs'; stripeCents: number; ledgerCents: number };

export interface ReconciliationReport {
  id: string;
  ranAt: Date;
  eventsChecked: number;
  differences: ReconciliationDifference[];
}

async function allEvents(stripe: Stripe, type: string): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ type, limit: 100 })) events.push(event);
  return events;
}

/**
 * Compares the ledger with Stripe: every succeeded payment with a deposit of the same amount (and
 * back), every transfer with a withdrawal, and Stripe's platform balance with what the ledger says
 * is there (clearing less payouts in transit and dispute holds). Every run is stored; one with
 * differences also emits `payment.reconciliation_differences` and is logged. A run an admin asked
 * for (`ranBy`) is audited with it.
 */
export async function reconcile(deps: PaymentDeps, ranBy?: AdminActor): Promise<ReconciliationReport> {
  const differences: ReconciliationDifference[] = [];
  const succeeded = await allEvents(deps.stripe, 'payment_intent.succeeded');
  const transfers = await allEvents(deps.stripe, 'transfer.created');
  const balance = await deps.stripe.balance.retrieve();

  const deposits = new Map(
    (await deps.db.deposit.findMany({ select: { paymentIntentId: true, amountCents: true } })).map((row) => [row.paymentIntentId, Number(row.amountCents)]),
  );
  const ledgerDeposits = new Map(
    (
      await deps.db.$queryRawUnsafe<Array<{ key: string; amount: string }>>(
        `SELECT e."idempotencyKey" AS "key", SUM(p."amount")::text AS "amount" FROM "journal_entries" e
         JOIN "ledger_postings" p ON p."entryId" = e."id" AND p."direction" = 'credit'
         WHERE e."kind" = 'deposit' GROUP BY e."idempotencyKey"`,
      )
    ).map((row) => [row.key.replace(/^deposit:/, ''), Number(row.amount)]),
  );
  const seenAtStripe = new Set<string>();
  for (const event of succeeded) {
    const intent = event.data.object as Stripe.PaymentIntent;
    if (seenAtStripe.has(intent.id)) continue;
    seenAtStripe.add(intent.id);
    const stripeCents = intent.amount_received || intent.amount;
    const ledgerCents = ledgerDeposits.get(intent.id) ?? deposits.get(intent.id);
    if (ledgerCents === undefined) differences.push({ kind: 'payment_missing_in_ledger', paymentIntentId: intent.id, stripeCents });
    else if (ledgerCents !== stripeCents || deposits.get(intent.id) !== stripeCents) {
      differences.push({ kind: 'payment_amount_differs', paymentIntentId: intent.id, stripeCents, ledgerCents: deposits.get(intent.id) ?? ledgerCents });
    }
  }
  for (const [paymentIntentId, ledgerCents] of deposits) {
    if (!seenAtStripe.has(paymentIntentId)) differences.push({ kind: 'deposit_missing_at_stripe', paymentIntentId, ledgerCents });
  }

  const withdrawals = new Map(
    (await deps.db.withdrawal.findMany({ where: { transferId: { not: null } }, select: { transferId: true, amountCents: true } })).map((row) => [
      row.transferId!,
      Number(row.amountCents),
    ]),
  );
  for (const event of transfers) {
    const transfer = event.data.object as Stripe.Transfer;
    const ledgerCents = withdrawals.get(transfer.id);
    if (ledgerCents === undefined) differences.push({ kind: 'transfer_missing_in_ledger', transferId: transfer.id, stripeCents: transfer.amount });
    else if (ledgerCents !== transfer.amount) {
      differences.push({ kind: 'transfer_amount_differs', transferId: transfer.id, stripeCents: transfer.amount, ledgerCents });
    }
  }

  const sumUsd = (funds: Array<{ amount: number; currency: string }>) =>
    funds.filter((fund) => fund.currency === 'usd').reduce((sum, fund) => sum + fund.amount, 0);
  const stripeCents = sumUsd(balance.available) + sumUsd(balance.pending);
  const codes = [accounts.clearing().code, accounts.payoutsInTransit().code, accounts.disputesHeld().code];
  const ledger = await deps.transaction((tx) => balancesOf(tx, codes));
  const ledgerCents = Number(ledger.get(codes[0]!)!.posted - ledger.get(codes[1]!)!.posted - ledger.get(codes[2]!)!.posted);
  if (stripeCents !== ledgerCents) differences.push({ kind: 'balance_differs', stripeCents, ledgerCents });

  const report: ReconciliationReport = {
    id: randomUUID(),
    ranAt: deps.now(),
    eventsChecked: succeeded.length + transfers.length,
    differences,
  };
  await deps.transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO "reconciliation_runs" ("id", "ranAt", "eventsChecked", "differenceCount", "differences") VALUES ($1, $2, $3, $4, $5::jsonb)`,
      report.id,
      report.ranAt,
      report.eventsChecked,
      differences.length,
      JSON.stringify(differences),
    );
    if (differences.length > 0) {
      await recordEvent(tx, 'payment.reconciliation_differences', { runId: report.id, differenceCount: differences.length });
    }
    if (ranBy) {
      await recordAdminAction(tx, {
        actor: ranBy,
        permission: 'canViewFinancials',
        action: 'payment.reconciliation.run',
        subject: { type: 'reconciliation_run', id: report.id },
        before: null,
        after: { eventsChecked: report.eventsChecked, differenceCount: differences.length },
        occurredAt: report.ranAt,
      });
    }
  });
  if (differences.length > 0) deps.log.warn({ runId: report.id, differences }, 'reconciliation found differences');
  return report;
}

export async function latestReconciliation(deps: PaymentDeps): Promise<ReconciliationReport | null> {
  const run = await deps.db.reconciliationRun.findFirst({ orderBy: { ranAt: 'desc' } });
  if (!run) return null;
  return { id: run.id, ranAt: run.ranAt, eventsChecked: run.eventsChecked, differences: run.differences as ReconciliationDifference[] };
}
