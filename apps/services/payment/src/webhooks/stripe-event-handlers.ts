import type Stripe from 'stripe';
import type { PaymentSql } from '../database';
import type { PaymentDeps } from '../deps';
import { brandOfCustomer } from '../checkout/customers';
import { customerIdOf, paidTopUpOf, recordPaidTopUp, recordPaymentFailure } from '../checkout/top-ups';
import { applyDisputeState } from '../disputes/dispute-events';
import { applyAccountState } from '../payouts/payout-accounts';
import { returnFailedRefund } from '../refunds/failed-refunds';
import { failedPayoutWithdrawal, failPayout, settlePaidPayout } from '../payouts/withdrawals';
import { claimStripeEvent } from './stripe-event-log';

/** Runs `work` in one transaction with the claim of the event: it takes effect once. */
async function applyOnce(deps: PaymentDeps, event: Stripe.Event, work: (tx: PaymentSql) => Promise<void>): Promise<void> {
  await deps.transaction(async (tx) => {
    if (!(await claimStripeEvent(tx, { id: event.id, type: event.type, account: event.account }, deps.now()))) return;
    await work(tx);
  });
}

const noop = () => Promise.resolve();

const CONNECT_EVENT_TYPES = new Set(['account.updated', 'payout.paid', 'payout.failed']);

/**
 * What each Stripe event does. Objects whose order matters are read back from Stripe first (the
 * event carries a snapshot that a later event may already have overtaken); every effect is also
 * idempotent on its own key, so a replay after the claim changes nothing either.
 */
export async function handleStripeEvent(deps: PaymentDeps, event: Stripe.Event): Promise<void> {
  // Of a connected account's events only its own state and its payouts concern us; its other
  // objects live in its scope, where the platform's reads would not find them.
  const connected = Boolean(event.account);
  if (connected && !CONNECT_EVENT_TYPES.has(event.type)) return;
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const intentId = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
      const paid = session.mode === 'payment' && intentId ? await paidTopUpOf(deps, intentId) : null;
      return applyOnce(deps, event, async (tx) => {
        if (paid) await recordPaidTopUp(tx, deps, paid);
      });
    }
    case 'payment_intent.succeeded': {
      const paid = await paidTopUpOf(deps, event.data.object.id);
      return applyOnce(deps, event, async (tx) => {
        if (paid) await recordPaidTopUp(tx, deps, paid);
      });
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const brandId = intent.metadata.brandId ?? (await brandOfCustomer(deps, customerIdOf(intent.customer)));
      if (!brandId) return applyOnce(deps, event, noop);
      return applyOnce(deps, event, (tx) =>
        recordPaymentFailure(tx, {
          eventId: event.id,
          brandId,
          paymentIntentId: intent.id,
          amountCents: intent.amount,
          currency: intent.currency.toUpperCase(),
          source: intent.metadata.source === 'auto_top_up' ? 'auto_top_up' : 'checkout',
          code: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? 'payment_failed',
          message: intent.last_payment_error?.message ?? 'The payment failed.',
          failedAt: deps.now(),
        }),
      );
    }
    case 'account.updated': {
      const account = await deps.stripe.accounts.retrieve(event.data.object.id);
      return applyOnce(deps, event, (tx) => applyAccountState(tx, account, deps.now()));
    }
    case 'payout.paid': {
      const payout = await deps.stripe.payouts.retrieve(event.data.object.id, {}, { stripeAccount: event.account ?? undefined });
      return applyOnce(deps, event, async (tx) => {
        if (payout.status === 'paid') await settlePaidPayout(tx, deps, payout);
      });
    }
    case 'payout.failed': {
      const payout = event.data.object;
      const withdrawalId = await failedPayoutWithdrawal(deps, payout);
      if (withdrawalId) {
        await failPayout(deps, withdrawalId, payout.failure_message ?? 'Your bank refused the payout.', payout.id);
      }
      return applyOnce(deps, event, noop);
    }
    case 'refund.failed': {
      const refund = await deps.stripe.refunds.retrieve(event.data.object.id);
      return applyOnce(deps, event, async (tx) => {
        if (refund.status === 'failed') await returnFailedRefund(tx, deps, refund);
      });
    }
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed': {
      const dispute = await deps.stripe.disputes.retrieve(event.data.object.id);
      const intentId = typeof dispute.payment_intent === 'string' ? dispute.payment_intent : dispute.payment_intent?.id;
      // A dispute can be delivered before the payment it disputes: the payment is recorded first.
      const paid = intentId ? await paidTopUpOf(deps, intentId) : null;
      return applyOnce(deps, event, async (tx) => {
        if (paid) await recordPaidTopUp(tx, deps, paid);
        await applyDisputeState(tx, deps, dispute);
      });
    }
    default:
      // Events without an effect here are acknowledged without a write.
      return;
  }
}
