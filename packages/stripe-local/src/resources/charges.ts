import { paginate } from '../list';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import type { PaymentMethod } from './payment-methods';

export interface Charge extends StripeObject {
  object: 'charge';
  amount: number;
  amount_refunded: number;
  currency: string;
  customer: string | null;
  payment_intent: string;
  payment_method: string;
  refunded: boolean;
  disputed: boolean;
  status: 'succeeded' | 'failed';
}

/** Days until a card payment's funds move from pending to available. */
export const FUNDS_PENDING_SECONDS = 2 * 24 * 60 * 60;

interface ChargeSource {
  id: string;
  amount: number;
  currency: string;
  customer: string | null;
  description: unknown;
  metadata: unknown;
  transfer_group?: unknown;
}

/** The charge a PaymentIntent's attempt made; `failure` when the card was declined. */
export function recordCharge(
  world: World,
  scope: AccountScope,
  intent: ChargeSource,
  paymentMethod: PaymentMethod,
  failure?: { code: string; message: string },
): Charge {
  const succeeded = failure === undefined;
  return world.store.insert<Charge>(
    {
      id: world.ids.next('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: succeeded ? intent.amount : 0,
      amount_refunded: 0,
      balance_transaction: null,
      billing_details: paymentMethod.billing_details,
      captured: succeeded,
      created: world.clock.nowSeconds(),
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description ?? null,
      disputed: false,
      failure_code: failure?.code ?? null,
      failure_message: failure?.message ?? null,
      livemode: false,
      metadata: intent.metadata ?? {},
      outcome: succeeded
        ? { network_status: 'approved_by_network', reason: null, seller_message: 'Payment complete.', type: 'authorized' }
        : { network_status: 'declined_by_network', reason: failure.code, seller_message: 'The bank did not return any further details with this decline.', type: 'issuer_declined' },
      paid: succeeded,
      payment_intent: intent.id,
      payment_method: paymentMethod.id,
      payment_method_details: {
        type: 'card',
        card: {
          brand: paymentMethod.card.brand,
          last4: paymentMethod.card.last4,
          exp_month: paymentMethod.card.exp_month,
          exp_year: paymentMethod.card.exp_year,
          country: paymentMethod.card.country,
          funding: paymentMethod.card.funding,
        },
      },
      refunded: false,
      status: succeeded ? 'succeeded' : 'failed',
      transfer_group: intent.transfer_group ?? null,
    },
    scope,
  );
}

/** A succeeded charge's money: pending for two days, or available at once (the 0077 card). */
export function creditChargeFunds(world: World, scope: AccountScope, charge: Charge, availableNow: boolean): void {
  if (availableNow) {
    world.balances.credit(scope, charge.currency, charge.amount);
    return;
  }
  world.balances.addPending({
    scope,
    currency: charge.currency,
    amount: charge.amount,
    availableOnSeconds: world.clock.nowSeconds() + FUNDS_PENDING_SECONDS,
  });
}

export function emitChargeEvent(world: World, scope: AccountScope, charge: Charge, origin: EventOrigin): void {
  world.events.emit(charge.status === 'succeeded' ? 'charge.succeeded' : 'charge.failed', charge, { account: scope, origin });
}

export const chargeRoutes = [
  route('GET', '/v1/charges', ({ world, params, account, path }) => {
    const paymentIntent = params.string('payment_intent');
    const customer = params.string('customer');
    const charges = world.store
      .all<Charge>('charge', account)
      .filter((charge) => (paymentIntent === undefined || charge.payment_intent === paymentIntent) && (customer === undefined || charge.customer === customer));
    return paginate(charges, params, path);
  }),
  route('GET', '/v1/charges/:id', ({ world, account, pathParam }) => world.store.get<Charge>('charge', pathParam('id'), account)),
];
