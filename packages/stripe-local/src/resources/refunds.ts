import { changedFields, snapshot } from '../changes';
import { invalidRequest } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import type { Charge } from './charges';
import type { PaymentIntent } from './payment-intents';

export interface Refund extends StripeObject {
  object: 'refund';
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: 'succeeded' | 'failed';
}

const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;

/** Refunds part or all of a payment: `refund.created` and `charge.refunded`; the money leaves available funds. */
function createRefund({ world, params, account, origin }: ApiRequest): Refund {
  const charge = chargeToRefund(world, account, params.string('payment_intent'), params.string('charge'));
  if (charge.disputed) {
    throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, { code: 'charge_disputed' });
  }
  const unrefunded = charge.amount - charge.amount_refunded;
  if (unrefunded === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  }
  const amount = params.amount('amount') ?? unrefunded;
  if (amount > unrefunded) {
    throw invalidRequest(
      `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${(unrefunded / 100).toFixed(2)})`,
      { param: 'amount', code: 'amount_too_large' },
    );
  }
  const refund = world.store.insert<Refund>(
    {
      id: world.ids.next('re'),
      object: 'refund',
      amount,
      balance_transaction: null,
      charge: charge.id,
      created: world.clock.nowSeconds(),
      currency: charge.currency,
      failure_reason: null,
      metadata: params.metadata(),
      payment_intent: charge.payment_intent,
      reason: params.oneOf('reason', REFUND_REASONS) ?? null,
      status: 'succeeded',
    },
    account,
  );
  const chargeBefore = snapshot(charge);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  world.balances.debit(account, charge.currency, amount);
  world.events.emit('refund.created', refund, { account, origin });
  world.events.emit('charge.refunded', charge, { account, origin, previousAttributes: changedFields(chargeBefore, charge) });
  return refund;
}

function chargeToRefund(world: World, scope: AccountScope, paymentIntentId: string | undefined, chargeId: string | undefined): Charge {
  if (chargeId !== undefined) return world.store.get<Charge>('charge', chargeId, scope, 'charge');
  if (paymentIntentId === undefined) throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
  const intent = world.store.get<PaymentIntent>('payment_intent', paymentIntentId, scope, 'payment_intent');
  if (intent.status !== 'succeeded' || !intent.latest_charge) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      param: 'payment_intent',
      code: 'charge_not_refundable',
    });
  }
  return world.store.get<Charge>('charge', intent.latest_charge, scope, 'payment_intent');
}

/**
 * The bank returned the refund (a test route: Stripe's card 5126 does this on its own):
 * `refund.updated` and `refund.failed`, and the money is back in the balance.
 */
export function failRefund(world: World, scope: AccountScope, refund: Refund, origin: EventOrigin): Refund {
  if (refund.status !== 'succeeded') throw invalidRequest(`Refund ${refund.id} has status ${refund.status}; only a succeeded refund can fail.`);
  const charge = world.store.get<Charge>('charge', refund.charge, scope);
  refund.status = 'failed';
  refund.failure_reason = 'expired_or_canceled_card';
  charge.amount_refunded -= refund.amount;
  charge.refunded = false;
  world.balances.credit(scope, refund.currency, refund.amount);
  world.events.emit('refund.updated', refund, { account: scope, origin, previousAttributes: { status: 'succeeded', failure_reason: null } });
  world.events.emit('refund.failed', refund, { account: scope, origin });
  return refund;
}

export const refundRoutes = [
  route('POST', '/v1/refunds', createRefund),
  route('GET', '/v1/refunds', ({ world, params, account, path }) => {
    const paymentIntent = params.string('payment_intent');
    const charge = params.string('charge');
    const refunds = world.store
      .all<Refund>('refund', account)
      .filter((refund) => (paymentIntent === undefined || refund.payment_intent === paymentIntent) && (charge === undefined || refund.charge === charge));
    return paginate(refunds, params, path);
  }),
  route('GET', '/v1/refunds/:id', ({ world, account, pathParam }) => world.store.get<Refund>('refund', pathParam('id'), account)),
  route('POST', '/v1/refunds/:id', ({ world, params, account, pathParam }) => {
    const refund = world.store.get<Refund>('refund', pathParam('id'), account);
    refund.metadata = params.metadata(refund.metadata as Record<string, string>);
    return refund;
  }),
];
