import { changedFields, snapshot } from '../changes';
import { invalidRequest } from '../errors';
import { paginate } from '../list';
import type { Params } from '../params';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import { openDispute } from './disputes';
import type { PaymentMethod } from './payment-methods';
import { confirmPaymentIntent } from './payment-attempts';
import { resolvePaymentMethod } from './payment-methods';

export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'succeeded'
  | 'canceled';

export interface PaymentIntent extends StripeObject {
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  payment_method: string | null;
  setup_future_usage: 'on_session' | 'off_session' | null;
  latest_charge: string | null;
  status: PaymentIntentStatus;
}

export interface NewPaymentIntent {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  paymentMethod: string | null;
  setupFutureUsage: 'on_session' | 'off_session' | null;
  transferGroup: string | null;
}

export function createPaymentIntent(world: World, scope: AccountScope, fields: NewPaymentIntent, origin: EventOrigin): PaymentIntent {
  const id = world.ids.next('pi');
  const intent = world.store.insert<PaymentIntent>(
    {
      id,
      object: 'payment_intent',
      amount: fields.amount,
      amount_capturable: 0,
      amount_received: 0,
      automatic_payment_methods: { allow_redirects: 'never', enabled: true },
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${world.ids.secret(id).slice(0, 24)}`,
      confirmation_method: 'automatic',
      created: world.clock.nowSeconds(),
      currency: fields.currency,
      customer: fields.customer,
      description: fields.description,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: fields.metadata,
      next_action: null,
      payment_method: fields.paymentMethod,
      payment_method_types: ['card'],
      setup_future_usage: fields.setupFutureUsage,
      status: fields.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
      transfer_group: fields.transferGroup,
    },
    scope,
  );
  world.events.emit('payment_intent.created', intent, { account: scope, origin });
  return intent;
}

function readSetupFutureUsage(params: Params): 'on_session' | 'off_session' | null {
  return params.oneOf('setup_future_usage', ['on_session', 'off_session'] as const) ?? null;
}

function create(request: ApiRequest): PaymentIntent {
  const { world, params, account, origin } = request;
  const amount = params.requiredAmount('amount');
  const currency = params.currency();
  const metadata = params.metadata();
  const setupFutureUsage = readSetupFutureUsage(params);
  const customer = params.string('customer') ?? null;
  if (customer !== null) world.store.get('customer', customer, account, 'customer');
  const confirm = params.boolean('confirm') ?? false;
  const offSession = params.boolean('off_session') ?? false;
  if (params.has('off_session') && !confirm) {
    throw invalidRequest('off_session can only be used with confirm=true.', { param: 'off_session' });
  }
  const paymentMethodId = params.string('payment_method');
  const paymentMethod = paymentMethodId === undefined ? undefined : resolvePaymentMethod(world, account, paymentMethodId, 'payment_method');
  checkOwnership(paymentMethod, customer);
  const intent = createPaymentIntent(
    world,
    account,
    {
      amount,
      currency,
      customer,
      description: params.string('description') ?? null,
      metadata,
      paymentMethod: paymentMethod?.id ?? null,
      setupFutureUsage,
      transferGroup: params.string('transfer_group') ?? null,
    },
    origin,
  );
  if (confirm) confirmAndSettle(world, account, intent, offSession, origin);
  return intent;
}

function confirm(request: ApiRequest): PaymentIntent {
  const { world, params, account, origin } = request;
  const intent = world.store.get<PaymentIntent>('payment_intent', request.pathParam('id'), account);
  if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(intent.status)) {
    throw invalidRequest(`You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`, {
      code: 'payment_intent_unexpected_state',
    });
  }
  const paymentMethodId = params.string('payment_method');
  if (paymentMethodId !== undefined) {
    const paymentMethod = resolvePaymentMethod(world, account, paymentMethodId, 'payment_method');
    checkOwnership(paymentMethod, intent.customer);
    intent.payment_method = paymentMethod.id;
  }
  const setupFutureUsage = readSetupFutureUsage(params);
  if (setupFutureUsage) intent.setup_future_usage = setupFutureUsage;
  confirmAndSettle(world, account, intent, params.boolean('off_session') ?? false, origin);
  return intent;
}

function confirmAndSettle(world: World, scope: AccountScope, intent: PaymentIntent, offSession: boolean, origin: EventOrigin): void {
  if (!intent.payment_method) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      { code: 'payment_intent_unexpected_state' },
    );
  }
  const paymentMethod = world.store.get<PaymentMethod>('payment_method', intent.payment_method, scope, 'payment_method');
  const { disputedCharge } = confirmPaymentIntent(world, scope, intent, paymentMethod, { offSession, authenticated: false, origin });
  if (disputedCharge) openDispute(world, scope, disputedCharge, disputedCharge.amount, null);
}

function checkOwnership(paymentMethod: PaymentMethod | undefined, customer: string | null): void {
  if (paymentMethod?.customer && paymentMethod.customer !== customer) {
    throw invalidRequest(
      `The provided PaymentMethod ${paymentMethod.id} was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again.`,
      { param: 'payment_method' },
    );
  }
}

function cancel({ world, params, account, origin, pathParam }: ApiRequest): PaymentIntent {
  const intent = world.store.get<PaymentIntent>('payment_intent', pathParam('id'), account);
  if (intent.status === 'succeeded' || intent.status === 'canceled') {
    throw invalidRequest(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      { code: 'payment_intent_unexpected_state' },
    );
  }
  intent.status = 'canceled';
  intent.canceled_at = world.clock.nowSeconds();
  intent.cancellation_reason = params.string('cancellation_reason') ?? null;
  intent.next_action = null;
  world.events.emit('payment_intent.canceled', intent, { account, origin });
  return intent;
}

function update({ world, params, account, origin, pathParam }: ApiRequest): PaymentIntent {
  const intent = world.store.get<PaymentIntent>('payment_intent', pathParam('id'), account);
  const before = snapshot(intent);
  intent.metadata = params.metadata(intent.metadata);
  const description = params.string('description');
  if (description !== undefined) intent.description = description || null;
  const amount = params.amount('amount');
  if (amount !== undefined) {
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      throw invalidRequest(`This PaymentIntent's amount could not be updated because it has a status of ${intent.status}.`, {
        code: 'payment_intent_unexpected_state',
        param: 'amount',
      });
    }
    intent.amount = amount;
  }
  const previous = changedFields(before, intent);
  if (Object.keys(previous).length > 0) {
    world.events.emit('payment_intent.updated', intent, { account, origin, previousAttributes: previous });
  }
  return intent;
}

export const paymentIntentRoutes = [
  route('POST', '/v1/payment_intents', create),
  route('GET', '/v1/payment_intents', ({ world, params, account, path }) => {
    const customer = params.string('customer');
    const intents = world.store.all<PaymentIntent>('payment_intent', account).filter((intent) => customer === undefined || intent.customer === customer);
    return paginate(intents, params, path);
  }),
  route('GET', '/v1/payment_intents/:id', ({ world, account, pathParam }) =>
    world.store.get<PaymentIntent>('payment_intent', pathParam('id'), account),
  ),
  route('POST', '/v1/payment_intents/:id', update),
  route('POST', '/v1/payment_intents/:id/confirm', confirm),
  route('POST', '/v1/payment_intents/:id/cancel', cancel),
];
