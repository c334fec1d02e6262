import { invalidRequest } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { CardBehaviour, TestCard } from '../test-cards';
import { testCardByLast4, testCardByPaymentMethod } from '../test-cards';
import type { EventOrigin, World } from '../world';

export interface PaymentMethod extends StripeObject {
  object: 'payment_method';
  customer: string | null;
  card: { brand: string; last4: string; exp_month: number; exp_year: number; country: string; funding: string; fingerprint: string };
}

/** Cards created from a test token expire at the end of this many years from now. */
const TEST_CARD_VALID_YEARS = 3;

export function createCardPaymentMethod(
  world: World,
  scope: AccountScope,
  card: TestCard,
  expiry?: { month: number; year: number },
): PaymentMethod {
  const created = world.clock.nowSeconds();
  return world.store.insert<PaymentMethod>(
    {
      id: world.ids.next('pm'),
      object: 'payment_method',
      allow_redisplay: 'unspecified',
      billing_details: { address: null, email: null, name: null, phone: null },
      card: {
        brand: card.brand,
        country: 'US',
        exp_month: expiry?.month ?? 12,
        exp_year: expiry?.year ?? new Date(created * 1000).getUTCFullYear() + TEST_CARD_VALID_YEARS,
        fingerprint: world.ids.secret(`fingerprint:${card.number}`).slice(0, 16),
        funding: 'credit',
        last4: card.last4,
      },
      created,
      customer: null,
      livemode: false,
      metadata: {},
      type: 'card',
    },
    scope,
  );
}

/** A stored PaymentMethod, or a fresh one for a test token such as `pm_card_visa`. */
export function resolvePaymentMethod(world: World, scope: AccountScope, idOrToken: string, param: string): PaymentMethod {
  const testCard = testCardByPaymentMethod(idOrToken);
  if (testCard) return createCardPaymentMethod(world, scope, testCard);
  return world.store.get<PaymentMethod>('payment_method', idOrToken, scope, param);
}

export function cardBehaviourOf(paymentMethod: PaymentMethod): CardBehaviour {
  return testCardByLast4(paymentMethod.card.last4)?.behaviour ?? { kind: 'succeeds' };
}

export function attachPaymentMethod(
  world: World,
  scope: AccountScope,
  paymentMethod: PaymentMethod,
  customer: StripeObject,
  origin: EventOrigin,
): void {
  if (paymentMethod.customer === customer.id) return;
  if (paymentMethod.customer !== null) {
    throw invalidRequest(
      `The payment method you provided has already been attached to a customer.`,
      { param: 'payment_method', code: 'payment_method_already_attached' },
    );
  }
  paymentMethod.customer = customer.id;
  world.events.emit('payment_method.attached', paymentMethod, { account: scope, origin });
}

function attach(request: ApiRequest): PaymentMethod {
  const { world, params, account, origin } = request;
  const customer = world.store.get<StripeObject>('customer', params.requiredString('customer'), account, 'customer');
  const paymentMethod = resolvePaymentMethod(world, account, request.pathParam('id'), 'payment_method');
  attachPaymentMethod(world, account, paymentMethod, customer, origin);
  return paymentMethod;
}

function detach({ world, account, origin, pathParam }: ApiRequest): PaymentMethod {
  const paymentMethod = world.store.get<PaymentMethod>('payment_method', pathParam('id'), account);
  if (paymentMethod.customer === null) {
    throw invalidRequest('The payment method you provided is not attached to a customer so detachment is impossible.', {
      code: 'payment_method_unexpected_state',
    });
  }
  const previousCustomer = paymentMethod.customer;
  paymentMethod.customer = null;
  world.events.emit('payment_method.detached', paymentMethod, {
    account,
    origin,
    previousAttributes: { customer: previousCustomer },
  });
  return paymentMethod;
}

function listForCustomer({ world, params, account, path }: ApiRequest, customerId: string) {
  const methods = world.store.all<PaymentMethod>('payment_method', account).filter((method) => method.customer === customerId);
  return paginate(methods, params, path);
}

export const paymentMethodRoutes = [
  route('GET', '/v1/payment_methods', (request) => {
    const customer = request.params.requiredString('customer');
    request.world.store.get('customer', customer, request.account, 'customer');
    return listForCustomer(request, customer);
  }),
  route('GET', '/v1/payment_methods/:id', ({ world, account, pathParam }) =>
    world.store.get<PaymentMethod>('payment_method', pathParam('id'), account),
  ),
  route('POST', '/v1/payment_methods/:id', (request) => {
    const paymentMethod = request.world.store.get<PaymentMethod>('payment_method', request.pathParam('id'), request.account);
    paymentMethod.metadata = request.params.metadata(paymentMethod.metadata as Record<string, string>);
    return paymentMethod;
  }),
  route('POST', '/v1/payment_methods/:id/attach', attach),
  route('POST', '/v1/payment_methods/:id/detach', detach),
  route('GET', '/v1/customers/:id/payment_methods', (request) => {
    request.world.store.get('customer', request.pathParam('id'), request.account);
    return listForCustomer(request, request.pathParam('id'));
  }),
];
