import { changedFields, snapshot } from '../changes';
import { invalidRequest } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { AccountScope, StripeObject } from '../store';
import type { EventOrigin, World } from '../world';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods';

export interface Customer extends StripeObject {
  object: 'customer';
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Record<string, string>;
  invoice_settings: { default_payment_method: string | null; custom_fields: null; footer: null };
}

/** Stores a customer and announces it (`customer.created`). */
export function insertCustomer(
  world: World,
  scope: AccountScope,
  fields: { email: string | null; name: string | null; description: string | null; phone: string | null; metadata: Record<string, string> },
  origin: EventOrigin,
): Customer {
  const customer = world.store.insert<Customer>(
    {
      id: world.ids.next('cus'),
      object: 'customer',
      address: null,
      balance: 0,
      created: world.clock.nowSeconds(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: fields.description,
      email: fields.email,
      invoice_settings: { default_payment_method: null, custom_fields: null, footer: null },
      livemode: false,
      metadata: fields.metadata,
      name: fields.name,
      phone: fields.phone,
    },
    scope,
  );
  world.events.emit('customer.created', customer, { account: scope, origin });
  return customer;
}

function createCustomer(request: ApiRequest): Customer {
  const { world, params, account, origin } = request;
  const paymentMethodId = params.string('payment_method');
  const paymentMethod = paymentMethodId === undefined ? undefined : resolvePaymentMethod(world, account, paymentMethodId, 'payment_method');
  const defaultId = params.object('invoice_settings')?.string('default_payment_method');
  if (defaultId && defaultId !== paymentMethodId && defaultId !== paymentMethod?.id) throw notAttached(defaultId);
  const customer = insertCustomer(
    world,
    account,
    {
      email: params.string('email') ?? null,
      name: params.string('name') ?? null,
      description: params.string('description') ?? null,
      phone: params.string('phone') ?? null,
      metadata: params.metadata(),
    },
    origin,
  );
  if (paymentMethod) {
    attachPaymentMethod(world, account, paymentMethod, customer, origin);
    if (defaultId) customer.invoice_settings.default_payment_method = paymentMethod.id;
  }
  return customer;
}

function updateCustomer(request: ApiRequest): Customer {
  const { world, params, account, origin } = request;
  const customer = world.store.get<Customer>('customer', request.pathParam('id'), account);
  const before = snapshot(customer);
  for (const field of ['email', 'name', 'description', 'phone'] as const) {
    const value = params.string(field);
    if (value !== undefined) customer[field] = value === '' ? null : value;
  }
  customer.metadata = params.metadata(customer.metadata);
  applyDefaultPaymentMethod(request, customer);
  const previous = changedFields(before, customer);
  if (Object.keys(previous).length > 0) {
    world.events.emit('customer.updated', customer, { account, origin, previousAttributes: previous });
  }
  return customer;
}

function applyDefaultPaymentMethod({ world, params, account }: ApiRequest, customer: Customer): void {
  const id = params.object('invoice_settings')?.string('default_payment_method');
  if (id === undefined) return;
  if (id === '') {
    customer.invoice_settings.default_payment_method = null;
    return;
  }
  const paymentMethod = world.store.get<StripeObject>('payment_method', id, account, 'invoice_settings[default_payment_method]');
  if (paymentMethod.customer !== customer.id) throw notAttached(id);
  customer.invoice_settings.default_payment_method = id;
}

function notAttached(paymentMethodId: string) {
  return invalidRequest(
    `The customer does not have a payment method with the ID ${paymentMethodId}. The payment method must be attached to the customer.`,
    { param: 'invoice_settings[default_payment_method]' },
  );
}

export const customerRoutes = [
  route('POST', '/v1/customers', createCustomer),
  route('GET', '/v1/customers', ({ world, params, account, path }) => {
    const email = params.string('email');
    const customers = world.store.all<Customer>('customer', account).filter((customer) => email === undefined || customer.email === email);
    return paginate(customers, params, path);
  }),
  route('GET', '/v1/customers/:id', ({ world, account, pathParam }) => world.store.get<Customer>('customer', pathParam('id'), account)),
  route('POST', '/v1/customers/:id', updateCustomer),
];
