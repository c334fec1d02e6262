import { invalidRequest } from '../errors';
import { paginate } from '../list';
import type { Params } from '../params';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import type { Customer } from './customers';
import { openDispute } from './disputes';
import type { PaymentIntent } from './payment-intents';
import { confirmPaymentIntent, createPaymentIntent } from './payment-intents';
import { createSetupIntent, confirmSetupIntent } from './setup-intents';
import { createCardPaymentMethod } from './payment-methods';
import { testCardByNumber } from '../test-cards';

export interface CheckoutSession extends StripeObject {
  object: 'checkout.session';
  mode: 'payment' | 'setup';
  status: 'open' | 'complete' | 'expired';
  amount_total: number | null;
  currency: string | null;
  customer: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  setup_intent: string | null;
  success_url: string | null;
  cancel_url: string | null;
  expires_at: number;
  url: string | null;
}

interface LineItem {
  name: string;
  unitAmount: number;
  quantity: number;
}

/** What the session will create when paid; Stripe does not show these on the session itself. */
interface SessionTerms {
  lineItems: LineItem[];
  paymentIntent: { metadata: Record<string, string>; description: string | null; setupFutureUsage: 'on_session' | 'off_session' | null };
  setupIntentMetadata: Record<string, string>;
}

const sessionTerms = new WeakMap<CheckoutSession, SessionTerms>();

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

export function termsOf(session: CheckoutSession): SessionTerms {
  const terms = sessionTerms.get(session);
  if (!terms) throw new Error(`Checkout session ${session.id} has no terms`);
  return terms;
}

function readLineItems(params: Params, currency: { value: string | null }): LineItem[] {
  return params.list('line_items').map((item) => {
    const priceData = item.object('price_data');
    if (!priceData) {
      throw invalidRequest('Only line_items with price_data are supported by the local Stripe.', { param: 'line_items[0][price_data]' });
    }
    const itemCurrency = priceData.currency();
    if (currency.value !== null && currency.value !== itemCurrency) {
      throw invalidRequest('All line_items must be in the same currency.', { param: 'line_items' });
    }
    currency.value = itemCurrency;
    return {
      name: priceData.object('product_data')?.requiredString('name') ?? 'Payment',
      unitAmount: priceData.requiredAmount('unit_amount'),
      quantity: item.integer('quantity') ?? 1,
    };
  });
}

function create({ world, params, account }: ApiRequest): CheckoutSession {
  const mode = params.oneOf('mode', ['payment', 'setup'] as const);
  if (!mode) throw invalidRequest('Missing required param: mode.', { param: 'mode', code: 'parameter_missing' });
  const customer = params.string('customer') ?? null;
  if (customer !== null) world.store.get('customer', customer, account, 'customer');
  const currency = { value: params.has('currency') ? params.currency() : null };
  const lineItems = readLineItems(params, currency);
  if (mode === 'payment' && lineItems.length === 0) {
    throw invalidRequest('`line_items` is required in `payment` mode.', { param: 'line_items', code: 'parameter_missing' });
  }
  const now = world.clock.nowSeconds();
  const expiresAt = params.integer('expires_at') ?? now + MAX_EXPIRY_SECONDS;
  if (expiresAt < now + MIN_EXPIRY_SECONDS || expiresAt > now + MAX_EXPIRY_SECONDS) {
    throw invalidRequest('The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.', { param: 'expires_at' });
  }
  const paymentIntentData = params.object('payment_intent_data');
  const amountTotal = lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  const id = world.ids.next('cs_test');
  const session = world.store.insert<CheckoutSession>(
    {
      id,
      object: 'checkout.session',
      amount_subtotal: mode === 'payment' ? amountTotal : null,
      amount_total: mode === 'payment' ? amountTotal : null,
      cancel_url: params.string('cancel_url') ?? null,
      client_reference_id: params.string('client_reference_id') ?? null,
      created: now,
      currency: currency.value,
      customer,
      customer_email: params.string('customer_email') ?? null,
      expires_at: expiresAt,
      livemode: false,
      metadata: params.metadata(),
      mode,
      payment_intent: null,
      payment_status: mode === 'payment' ? 'unpaid' : 'no_payment_required',
      setup_intent: null,
      status: 'open',
      success_url: params.string('success_url') ?? null,
      url: `${world.publicUrl}/pay/${id}`,
    },
    account,
  );
  sessionTerms.set(session, {
    lineItems,
    paymentIntent: {
      metadata: paymentIntentData?.metadata() ?? {},
      description: paymentIntentData?.string('description') ?? null,
      setupFutureUsage: paymentIntentData?.oneOf('setup_future_usage', ['on_session', 'off_session'] as const) ?? null,
    },
    setupIntentMetadata: params.object('setup_intent_data')?.metadata() ?? {},
  });
  return session;
}

export function expireSession(world: World, scope: AccountScope, session: CheckoutSession, origin: EventOrigin): CheckoutSession {
  if (session.status !== 'open') {
    throw invalidRequest(`Only Checkout Sessions with a status of open can be expired. This session has a status of ${session.status}.`, {
      code: 'checkout_session_unexpected_state',
    });
  }
  session.status = 'expired';
  session.url = null;
  world.events.emit('checkout.session.expired', session, { account: scope, origin });
  return session;
}

/** Expires the open sessions whose `expires_at` the clock has passed. */
export function expireDueSessions(world: World): void {
  const now = world.clock.nowSeconds();
  for (const { object: session, scope } of world.store.everywhere<CheckoutSession>('checkout.session')) {
    if (session.status === 'open' && session.expires_at <= now) expireSession(world, scope, session, null);
  }
}

export interface CardEntry {
  number: string;
  /** Absent through the test route, which skips expiry checks. */
  expiry?: { month: number; year: number };
}

export type CheckoutPaymentResult =
  | { kind: 'completed'; session: CheckoutSession }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'requires_authentication' };

/**
 * What the hosted page's Pay button does. A refused card (unknown number, expired, declined)
 * changes nothing; the 3155 card first asks to authenticate (`authenticated` on the second try);
 * otherwise the payment (or, in setup mode, the saved card) completes the session.
 */
export function payCheckoutSession(
  world: World,
  scope: AccountScope,
  session: CheckoutSession,
  card: CardEntry,
  authenticated: boolean,
): CheckoutPaymentResult {
  if (session.status !== 'open') {
    return { kind: 'refused', code: 'session_not_open', message: `This checkout session is ${session.status}.` };
  }
  const testCard = testCardByNumber(card.number);
  if (!testCard) return { kind: 'refused', code: 'incorrect_number', message: 'Your card number is incorrect.' };
  if (card.expiry && isExpired(card.expiry, world.clock.nowSeconds())) {
    return { kind: 'refused', code: 'expired_card', message: "Your card's expiration date is in the past." };
  }
  const behaviour = testCard.behaviour;
  if (behaviour.kind === 'declines') return { kind: 'refused', code: 'card_declined', message: behaviour.message };
  if (behaviour.kind === 'requires_authentication' && !authenticated) return { kind: 'requires_authentication' };

  const customer = sessionCustomer(world, scope, session);
  const paymentMethod = createCardPaymentMethod(world, scope, testCard, card.expiry);
  const terms = termsOf(session);
  let disputed: ReturnType<typeof confirmPaymentIntent>['disputedCharge'];
  if (session.mode === 'payment') {
    const intent: PaymentIntent = createPaymentIntent(
      world,
      scope,
      {
        amount: session.amount_total ?? 0,
        currency: session.currency ?? 'usd',
        customer: customer?.id ?? null,
        description: terms.paymentIntent.description,
        metadata: terms.paymentIntent.metadata,
        paymentMethod: paymentMethod.id,
        setupFutureUsage: customer ? terms.paymentIntent.setupFutureUsage : null,
        transferGroup: null,
      },
      null,
    );
    disputed = confirmPaymentIntent(world, scope, intent, paymentMethod, { offSession: false, authenticated: true, origin: null }).disputedCharge;
    session.payment_intent = intent.id;
    session.payment_status = 'paid';
  } else {
    const intent = createSetupIntent(
      world,
      scope,
      { customer: customer?.id ?? null, paymentMethod: paymentMethod.id, metadata: terms.setupIntentMetadata, usage: 'off_session' },
      null,
    );
    confirmSetupIntent(world, scope, intent, paymentMethod, { authenticated: true, origin: null });
    session.setup_intent = intent.id;
  }
  session.customer = customer?.id ?? null;
  session.status = 'complete';
  session.url = null;
  world.events.emit('checkout.session.completed', session, { account: scope, origin: null });
  if (disputed) openDispute(world, scope, disputed, disputed.amount, null);
  return { kind: 'completed', session };
}

/** The session's customer; one is created when the card is to be saved and none was given. */
function sessionCustomer(world: World, scope: AccountScope, session: CheckoutSession): Customer | undefined {
  if (session.customer) return world.store.get<Customer>('customer', session.customer, scope, 'customer');
  const savesCard = session.mode === 'setup' || termsOf(session).paymentIntent.setupFutureUsage !== null;
  if (!savesCard) return undefined;
  const customer = world.store.insert<Customer>(
    {
      id: world.ids.next('cus'),
      object: 'customer',
      created: world.clock.nowSeconds(),
      description: null,
      email: session.customer_email,
      invoice_settings: { default_payment_method: null, custom_fields: null, footer: null },
      livemode: false,
      metadata: {},
      name: null,
    },
    scope,
  );
  world.events.emit('customer.created', customer, { account: scope, origin: null });
  return customer;
}

function isExpired(expiry: { month: number; year: number }, nowSeconds: number): boolean {
  const now = new Date(nowSeconds * 1000);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return expiry.year < year || (expiry.year === year && expiry.month < month);
}

export const checkoutSessionRoutes = [
  route('POST', '/v1/checkout/sessions', create),
  route('GET', '/v1/checkout/sessions', ({ world, params, account, path }) => {
    const paymentIntent = params.string('payment_intent');
    const customer = params.string('customer');
    const sessions = world.store
      .all<CheckoutSession>('checkout.session', account)
      .filter((session) => (paymentIntent === undefined || session.payment_intent === paymentIntent) && (customer === undefined || session.customer === customer));
    return paginate(sessions, params, path);
  }),
  route('GET', '/v1/checkout/sessions/:id', ({ world, account, pathParam }) =>
    world.store.get<CheckoutSession>('checkout.session', pathParam('id'), account),
  ),
  route('POST', '/v1/checkout/sessions/:id/expire', ({ world, account, origin, pathParam }) =>
    expireSession(world, account, world.store.get<CheckoutSession>('checkout.session', pathParam('id'), account), origin),
  ),
];
