import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeTestKit } from './testing/local-stripe-kit';
import { idOf, startStripeTestKit } from './testing/local-stripe-kit';

let kit: StripeTestKit;
beforeAll(async () => {
  kit = await startStripeTestKit();
});
afterAll(async () => {
  await kit.stop();
});

async function cardError(promise: Promise<unknown>): Promise<Stripe.errors.StripeCardError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
  return error as Stripe.errors.StripeCardError;
}

describe('PaymentIntents, charges and the platform balance', () => {
  it('charges pm_card_visa: succeeded, a charge as latest_charge, funds pending until the clock passes two days', async () => {
    const customer = await kit.stripe.customers.create({ email: 'payer@example.com' });
    const intent = await kit.stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      metadata: { brandId: 'b1' },
    });
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 2500, metadata: { brandId: 'b1' } });
    expect(intent.id).toMatch(/^pi_/);
    const charge = await kit.stripe.charges.retrieve(idOf(intent.latest_charge));
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({ amount: 2500, paid: true, status: 'succeeded', payment_intent: intent.id });
    const expanded = await kit.stripe.paymentIntents.retrieve(intent.id, { expand: ['latest_charge'] });
    expect((expanded.latest_charge as Stripe.Charge).id).toBe(charge.id);

    const pending = await kit.stripe.balance.retrieve();
    expect(pending.pending.find((entry) => entry.currency === 'usd')?.amount).toBe(2500);
    expect(pending.available.find((entry) => entry.currency === 'usd')?.amount).toBe(0);
    await kit.testRoute('/_test/clock/advance', { seconds: 2 * 24 * 60 * 60 });
    const available = await kit.stripe.balance.retrieve();
    expect(available.available.find((entry) => entry.currency === 'usd')?.amount).toBe(2500);
    expect(available.pending.find((entry) => entry.currency === 'usd')?.amount).toBe(0);

    const succeeded = await kit.delivered('payment_intent.succeeded', { objectId: intent.id });
    expect((succeeded.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
    expect(succeeded.request?.id).toMatch(/^req_/);
  });

  it('a declined card raises StripeCardError with decline_code and the intent; payment_intent.payment_failed fires', async () => {
    const generic = await cardError(kit.stripe.paymentIntents.create({ amount: 900, currency: 'usd', payment_method: 'pm_card_chargeDeclined', confirm: true }));
    expect(generic).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    expect(generic.message).toContain('Your card was declined.');
    expect(generic.payment_intent).toMatchObject({ status: 'requires_payment_method', last_payment_error: { decline_code: 'generic_decline' } });
    const insufficient = await cardError(
      kit.stripe.paymentIntents.create({ amount: 900, currency: 'usd', payment_method: 'pm_card_chargeDeclinedInsufficientFunds', confirm: true }),
    );
    expect(insufficient.decline_code).toBe('insufficient_funds');
    const failed = await kit.delivered('payment_intent.payment_failed', { objectId: generic.payment_intent?.id });
    expect((failed.data.object as Stripe.PaymentIntent).id).toBe(generic.payment_intent?.id);
    const retrieved = await kit.stripe.paymentIntents.retrieve(String(generic.payment_intent?.id));
    expect(retrieved.status).toBe('requires_payment_method');
  });

  it('the 3155 card off-session fails with authentication_required; on-session it asks for action', async () => {
    const customer = await kit.stripe.customers.create({ email: 'sca@example.com' });
    const saved = await kit.stripe.paymentMethods.attach('pm_card_authenticationRequired', { customer: customer.id });
    const offSession = await cardError(
      kit.stripe.paymentIntents.create({ amount: 5000, currency: 'usd', customer: customer.id, payment_method: saved.id, off_session: true, confirm: true }),
    );
    expect(offSession).toMatchObject({ code: 'authentication_required', decline_code: 'authentication_required' });
    expect(offSession.payment_intent?.status).toBe('requires_payment_method');
    const onSession = await kit.stripe.paymentIntents.create({ amount: 5000, currency: 'usd', customer: customer.id, payment_method: saved.id, confirm: true });
    expect(onSession.status).toBe('requires_action');
    const canceled = await kit.stripe.paymentIntents.cancel(onSession.id);
    expect(canceled.status).toBe('canceled');
  });

  it('creates without confirming, then confirms; a succeeded intent cannot be confirmed again', async () => {
    const intent = await kit.stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    expect(intent.status).toBe('requires_payment_method');
    await expect(kit.stripe.paymentIntents.confirm(intent.id)).rejects.toMatchObject({ code: 'payment_intent_unexpected_state' });
    const confirmed = await kit.stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(confirmed.status).toBe('succeeded');
    await expect(kit.stripe.paymentIntents.confirm(intent.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
  });

  it('saves a card with setup_future_usage and charges it off-session later', async () => {
    const customer = await kit.stripe.customers.create({ email: 'saver@example.com' });
    const first = await kit.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      setup_future_usage: 'off_session',
      confirm: true,
    });
    const methods = await kit.stripe.customers.listPaymentMethods(customer.id);
    expect(methods.data.map((method) => method.id)).toEqual([first.payment_method]);
    expect(methods.data[0]?.card).toMatchObject({ brand: 'visa', last4: '4242' });
    const later = await kit.stripe.paymentIntents.create({
      amount: 3000,
      currency: 'usd',
      customer: customer.id,
      payment_method: idOf(first.payment_method),
      off_session: true,
      confirm: true,
    });
    expect(later.status).toBe('succeeded');
  });
});

describe('PaymentMethods and SetupIntents', () => {
  it('attaches, lists by customer and detaches, with payment_method.attached/detached', async () => {
    const customer = await kit.stripe.customers.create({ email: 'cards@example.com' });
    const visa = await kit.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const declining = await kit.stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: customer.id });
    expect(visa.id).toMatch(/^pm_/);
    expect(visa.customer).toBe(customer.id);
    const listed = await kit.stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(listed.data.map((method) => method.id)).toEqual([declining.id, visa.id]);
    const other = await kit.stripe.customers.create({ email: 'other@example.com' });
    await expect(kit.stripe.paymentMethods.attach(visa.id, { customer: other.id })).rejects.toMatchObject({ code: 'payment_method_already_attached' });
    const detached = await kit.stripe.paymentMethods.detach(visa.id);
    expect(detached.customer).toBeNull();
    expect((await kit.stripe.customers.listPaymentMethods(customer.id)).data.map((method) => method.id)).toEqual([declining.id]);
    const updated = await kit.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: declining.id } });
    expect(updated.invoice_settings.default_payment_method).toBe(declining.id);
    const detachedEvent = await kit.delivered('payment_method.detached', { objectId: visa.id });
    expect(detachedEvent.data.previous_attributes).toEqual({ customer: customer.id });
  });

  it('a SetupIntent saves a card (setup_intent.succeeded), refuses a declining one with a 402', async () => {
    const customer = await kit.stripe.customers.create({ email: 'setup@example.com' });
    const intent = await kit.stripe.setupIntents.create({ customer: customer.id, payment_method: 'pm_card_visa', confirm: true, usage: 'off_session' });
    expect(intent).toMatchObject({ status: 'succeeded', customer: customer.id });
    expect(intent.id).toMatch(/^seti_/);
    const method = await kit.stripe.paymentMethods.retrieve(idOf(intent.payment_method));
    expect(method.customer).toBe(customer.id);
    const declined = await kit.stripe.setupIntents
      .create({ customer: customer.id, payment_method: 'pm_card_chargeDeclined', confirm: true })
      .catch((error: unknown) => error);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((declined as Stripe.errors.StripeCardError).setup_intent?.status).toBe('requires_payment_method');
    const pending = await kit.stripe.setupIntents.create({ customer: customer.id });
    expect((await kit.stripe.setupIntents.confirm(pending.id, { payment_method: 'pm_card_authenticationRequired' })).status).toBe('requires_action');
    expect((await kit.delivered('setup_intent.succeeded', { objectId: intent.id })).data.object).toMatchObject({ id: intent.id });
  });
});
