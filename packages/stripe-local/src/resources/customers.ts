import { changedFields, snapshot } from '../changes';
import { invalidRequest } from '../errors';
import { paginate } from '../list';
import type { ApiRequest } from '../router';
import { route } from '../router';
import type { StripeObject } from '../store';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods';

export interface Customer extends StripeObject {
  object: 'customer';
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Record<string, string>;
  invoice_settings: { default_payment_method: string | null; custom_fields: null; footer: null };
}

function createCustomer(request: ApiRequest): Customer {
  const { world, params, account, origin } = request;
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
      description: params.string('description') ?? null,
      email: params.string('email') ?? null,
      invoice_settings: { default_payment_method: null, custom_fields: null, footer: null },
      livemode: false,
      metadata: params.metadata(),
      name: params.string('name') ?? null,
      phone: params.string('phone') ?? null,
    },
    account,
  );
  world.events.emit('customer.created', customer, { account, origin });
  const paymentMethod = params.string('payment_method');
  if (paymentMethod !== undefined) {
    const attached = resolvePaymentMethod(world, account, paymentMethod, 'payment_method');
    attachPaymentMethod(world, account, attached, customer, origin);
  }
  applyDefaultPaymentMethod(request, customer);
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
  if (paymentMethod.customer !== customer.id) {
    throw invalidRequest(
      `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`,
      { param: 'invoice_settings[default_payment_method]' },
    );
  }
  customer.invoice_settings.default_payment_method = id;
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
