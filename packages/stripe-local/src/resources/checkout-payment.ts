import type { AccountScope } from '../store';
import { testCardByNumber } from '../test-cards';
import type { World } from '../world';
import type { CheckoutSession } from './checkout-sessions';
import { termsOf } from './checkout-sessions';
import type { Customer } from './customers';
import { insertCustomer } from './customers';
import { openDispute } from './disputes';
import type { PaymentIntent } from './payment-intents';
import { confirmPaymentIntent } from './payment-attempts';
import { createPaymentIntent } from './payment-intents';
import { createCardPaymentMethod } from './payment-methods';
import { confirmSetupIntent, createSetupIntent } from './setup-intents';

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
  return insertCustomer(world, scope, { email: session.customer_email, name: null, description: null, phone: null, metadata: {} }, null);
}

function isExpired(expiry: { month: number; year: number }, nowSeconds: number): boolean {
  const now = new Date(nowSeconds * 1000);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return expiry.year < year || (expiry.year === year && expiry.month < month);
}
