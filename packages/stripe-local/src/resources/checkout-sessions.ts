import { invalidRequest } from '../errors';
import { paginate } from '../list';
import type { Params } from '../params';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';

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
