import { snapshot } from '../changes';
import { invalidRequest, StripeApiError } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import type { PaymentMethod } from './payment-methods';
import { attachPaymentMethod, cardBehaviourOf, resolvePaymentMethod } from './payment-methods';

export interface SetupIntent extends StripeObject {
  object: 'setup_intent';
  customer: string | null;
  payment_method: string | null;
  metadata: Record<string, string>;
  status: 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'succeeded' | 'canceled';
}

export function createSetupIntent(
  world: World,
  scope: AccountScope,
  fields: { customer: string | null; paymentMethod: string | null; metadata: Record<string, string>; usage: string },
  origin: EventOrigin,
): SetupIntent {
  const id = world.ids.next('seti');
  const intent = world.store.insert<SetupIntent>(
    {
      id,
      object: 'setup_intent',
      automatic_payment_methods: { allow_redirects: 'never', enabled: true },
      cancellation_reason: null,
      client_secret: `${id}_secret_${world.ids.secret(id).slice(0, 24)}`,
      created: world.clock.nowSeconds(),
      customer: fields.customer,
      description: null,
      last_setup_error: null,
      latest_attempt: null,
      livemode: false,
      metadata: fields.metadata,
      next_action: null,
      payment_method: fields.paymentMethod,
      payment_method_types: ['card'],
      status: fields.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
      usage: fields.usage,
    },
    scope,
  );
  world.events.emit('setup_intent.created', intent, { account: scope, origin });
  return intent;
}

/**
 * Saves the card: attached to the customer (`payment_method.attached`), `setup_intent.succeeded`.
 * A declining card fails with a 402 (`setup_intent.setup_failed`); the 3155 card needs the
 * cardholder to authenticate first (`requires_action`).
 */
export function confirmSetupIntent(
  world: World,
  scope: AccountScope,
  intent: SetupIntent,
  paymentMethod: PaymentMethod,
  options: { authenticated: boolean; origin: EventOrigin },
): void {
  const behaviour = cardBehaviourOf(paymentMethod);
  intent.payment_method = paymentMethod.id;
  if (behaviour.kind === 'declines') {
    const error = {
      type: 'card_error' as const,
      code: 'card_declined',
      decline_code: behaviour.declineCode,
      message: behaviour.message,
      payment_method: snapshot(paymentMethod),
    };
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.last_setup_error = error;
    world.events.emit('setup_intent.setup_failed', intent, { account: scope, origin: options.origin });
    throw new StripeApiError(402, { ...error, setup_intent: snapshot(intent) });
  }
  if (behaviour.kind === 'requires_authentication' && !options.authenticated) {
    intent.status = 'requires_action';
    intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } };
    world.events.emit('setup_intent.requires_action', intent, { account: scope, origin: options.origin });
    return;
  }
  if (intent.customer) {
    const customer = world.store.get<StripeObject>('customer', intent.customer, scope, 'customer');
    attachPaymentMethod(world, scope, paymentMethod, customer, options.origin);
  }
  intent.status = 'succeeded';
  intent.last_setup_error = null;
  intent.next_action = null;
  world.events.emit('setup_intent.succeeded', intent, { account: scope, origin: options.origin });
}

function create({ world, params, account, origin }: ApiRequest): SetupIntent {
  const customer = params.string('customer') ?? null;
  if (customer !== null) world.store.get('customer', customer, account, 'customer');
  const paymentMethodId = params.string('payment_method');
  const paymentMethod = paymentMethodId === undefined ? undefined : resolvePaymentMethod(world, account, paymentMethodId, 'payment_method');
  const intent = createSetupIntent(
    world,
    account,
    {
      customer,
      paymentMethod: paymentMethod?.id ?? null,
      metadata: params.metadata(),
      usage: params.oneOf('usage', ['on_session', 'off_session'] as const) ?? 'off_session',
    },
    origin,
  );
  if (params.boolean('confirm') && paymentMethod) confirmSetupIntent(world, account, intent, paymentMethod, { authenticated: false, origin });
  return intent;
}

function confirm({ world, params, account, origin, pathParam }: ApiRequest): SetupIntent {
  const intent = world.store.get<SetupIntent>('setup_intent', pathParam('id'), account);
  if (intent.status === 'succeeded' || intent.status === 'canceled') {
    throw invalidRequest(`You cannot confirm this SetupIntent because it has a status of ${intent.status}.`, { code: 'setup_intent_unexpected_state' });
  }
  const paymentMethodId = params.string('payment_method') ?? intent.payment_method;
  if (paymentMethodId === null) {
    throw invalidRequest("You cannot confirm this SetupIntent because it's missing a payment method.", { code: 'setup_intent_unexpected_state' });
  }
  const paymentMethod = resolvePaymentMethod(world, account, paymentMethodId, 'payment_method');
  confirmSetupIntent(world, account, intent, paymentMethod, { authenticated: false, origin });
  return intent;
}

export const setupIntentRoutes = [
  route('POST', '/v1/setup_intents', create),
  route('GET', '/v1/setup_intents', ({ world, params, account, path }) => {
    const customer = params.string('customer');
    const intents = world.store.all<SetupIntent>('setup_intent', account).filter((intent) => customer === undefined || intent.customer === customer);
    return paginate(intents, params, path);
  }),
  route('GET', '/v1/setup_intents/:id', ({ world, account, pathParam }) => world.store.get<SetupIntent>('setup_intent', pathParam('id'), account)),
  route('POST', '/v1/setup_intents/:id/confirm', confirm),
  route('POST', '/v1/setup_intents/:id/cancel', ({ world, account, origin, pathParam }) => {
    const intent = world.store.get<SetupIntent>('setup_intent', pathParam('id'), account);
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      throw invalidRequest(`You cannot cancel this SetupIntent because it has a status of ${intent.status}.`, { code: 'setup_intent_unexpected_state' });
    }
    intent.status = 'canceled';
    world.events.emit('setup_intent.canceled', intent, { account, origin });
    return intent;
  }),
];
