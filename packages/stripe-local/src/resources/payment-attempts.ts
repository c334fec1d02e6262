import { snapshot } from '../changes';
import { StripeApiError } from '../errors';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import type { Charge } from './charges';
import { creditChargeFunds, emitChargeEvent, recordCharge } from './charges';
import type { PaymentIntent } from './payment-intents';
import type { PaymentMethod } from './payment-methods';
import { attachPaymentMethod, cardBehaviourOf } from './payment-methods';

export interface ConfirmOptions {
  offSession: boolean;
  /** The cardholder passed the bank's check (the hosted page's Authenticate step). */
  authenticated: boolean;
  origin: EventOrigin;
}

/**
 * Charges the intent's card. Success: a charge, funds pending, `charge.succeeded` and
 * `payment_intent.succeeded` (and the card saved when `setup_future_usage` asks). A decline
 * records the failure and its events, then throws Stripe's 402 card error carrying the intent.
 * Returns the charge when the card is one that gets disputed, so the caller opens the dispute
 * after its own events.
 */
export function confirmPaymentIntent(
  world: World,
  scope: AccountScope,
  intent: PaymentIntent,
  paymentMethod: PaymentMethod,
  options: ConfirmOptions,
): { disputedCharge?: Charge } {
  const behaviour = cardBehaviourOf(paymentMethod);
  intent.payment_method = paymentMethod.id;
  if (behaviour.kind === 'declines') {
    declinePayment(world, scope, intent, paymentMethod, options.origin, {
      code: 'card_declined',
      declineCode: behaviour.declineCode,
      message: behaviour.message,
    });
  }
  if (behaviour.kind === 'requires_authentication' && !options.authenticated) {
    if (options.offSession) {
      declinePayment(world, scope, intent, paymentMethod, options.origin, {
        code: 'authentication_required',
        declineCode: 'authentication_required',
        message: 'Your card was declined. This transaction requires authentication.',
      });
    }
    intent.status = 'requires_action';
    intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } };
    world.events.emit('payment_intent.requires_action', intent, { account: scope, origin: options.origin });
    return {};
  }
  const charge = recordCharge(world, scope, intent, paymentMethod);
  creditChargeFunds(world, scope, charge, behaviour.kind === 'succeeds_available');
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.latest_charge = charge.id;
  intent.last_payment_error = null;
  intent.next_action = null;
  if (intent.setup_future_usage && intent.customer) {
    const customer = world.store.get<StripeObject>('customer', intent.customer, scope, 'customer');
    attachPaymentMethod(world, scope, paymentMethod, customer, options.origin);
  }
  emitChargeEvent(world, scope, charge, options.origin);
  world.events.emit('payment_intent.succeeded', intent, { account: scope, origin: options.origin });
  return behaviour.kind === 'succeeds_then_disputed' ? { disputedCharge: charge } : {};
}

function declinePayment(
  world: World,
  scope: AccountScope,
  intent: PaymentIntent,
  paymentMethod: PaymentMethod,
  origin: EventOrigin,
  decline: { code: string; declineCode: string; message: string },
): never {
  const charge = recordCharge(world, scope, intent, paymentMethod, { code: decline.code, message: decline.message });
  const error = {
    type: 'card_error' as const,
    code: decline.code,
    decline_code: decline.declineCode,
    message: decline.message,
    charge: charge.id,
    payment_method: snapshot(paymentMethod),
  };
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.latest_charge = charge.id;
  intent.next_action = null;
  intent.last_payment_error = error;
  emitChargeEvent(world, scope, charge, origin);
  world.events.emit('payment_intent.payment_failed', intent, { account: scope, origin });
  throw new StripeApiError(402, { ...error, payment_intent: snapshot(intent) });
}
