import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeTestKit } from './testing/local-stripe-kit';
import { idOf, startStripeTestKit, TEST_NOW } from './testing/local-stripe-kit';

let kit: StripeTestKit;
beforeAll(async () => {
  kit = await startStripeTestKit({ publicUrl: 'https://stripe.local.test' });
});
afterAll(async () => {
  await kit.stop();
});

async function topUpSession(options: { customer?: string; saveCard?: boolean } = {}): Promise<Stripe.Checkout.Session> {
  return kit.stripe.checkout.sessions.create({
    mode: 'payment',
    customer: options.customer,
    line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 5000, product_data: { name: 'Wallet top-up' } } }],
    metadata: { brandId: 'brand-1' },
    payment_intent_data: {
      metadata: { brandId: 'brand-1', kind: 'top_up' },
      ...(options.saveCard ? { setup_future_usage: 'off_session' as const } : {}),
    },
    success_url: 'https://brand.example/billing?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://brand.example/billing?cancelled=1',
  });
}

function submitForm(sessionId: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${kit.local.url}/pay/${sessionId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

const visaForm = { card_number: '4242 4242 4242 4242', expiry: '12 / 30', cvc: '123' };

describe('Checkout Sessions', () => {
  it('opens a session with the hosted page url; paid through the test route it completes with a PaymentIntent', async () => {
    const customer = await kit.stripe.customers.create({ email: 'brand@example.com' });
    const session = await topUpSession({ customer: customer.id });
    expect(session).toMatchObject({ status: 'open', payment_status: 'unpaid', amount_total: 5000, currency: 'usd', payment_intent: null });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`https://stripe.local.test/pay/${session.id}`);
    expect(session.expires_at).toBe(Math.floor(TEST_NOW.getTime() / 1000) + 24 * 60 * 60);

    const paid = await kit.testRoute<Stripe.Checkout.Session>('/_test/pay', { checkout_session: session.id, card: '4242424242424242' });
    expect(paid.status).toBe(200);
    const completed = await kit.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid', customer: customer.id });
    const intent = completed.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: 'succeeded', amount: 5000, customer: customer.id, metadata: { brandId: 'brand-1', kind: 'top_up' } });

    const completedEvent = await kit.delivered('checkout.session.completed', { objectId: session.id });
    expect(completedEvent.data.object).toMatchObject({ id: session.id, payment_intent: intent.id, metadata: { brandId: 'brand-1' } });
    const succeeded = await kit.delivered('payment_intent.succeeded', { objectId: intent.id });
    expect((succeeded.data.object as Stripe.PaymentIntent).id).toBe(intent.id);
  });

  it('a declined card through the test route is a 402 and changes nothing', async () => {
    const session = await topUpSession();
    const eventsBefore = (await kit.testRoute<{ data: unknown[] }>('/_test/events', undefined, 'GET')).body.data.length;
    const declined = await kit.testRoute<{ error: { code: string; message: string } }>('/_test/pay', { checkout_session: session.id, card: '4000000000000002' });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ code: 'card_declined', message: 'Your card was declined.' });
    expect((await kit.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect((await kit.testRoute<{ data: unknown[] }>('/_test/events', undefined, 'GET')).body.data).toHaveLength(eventsBefore);
  });

  it('the hosted page shows amount and description, re-renders a decline with its message, and pays with 4242', async () => {
    const session = await topUpSession();
    const page = await fetch(`${kit.local.url}/pay/${session.id}`);
    const html = await page.text();
    expect(html).toContain('Local Stripe — test mode');
    expect(html).toContain('Wallet top-up');
    expect(html).toContain('$50.00');
    expect(html).toContain('name="card_number"');
    expect(html).toContain('href="https://brand.example/billing?cancelled=1"');

    const insufficient = await submitForm(session.id, { ...visaForm, card_number: '4000 0000 0000 9995' });
    expect(insufficient.status).toBe(402);
    expect(await insufficient.text()).toContain('Your card has insufficient funds.');
    const expired = await submitForm(session.id, { ...visaForm, expiry: '01 / 20' });
    expect(await expired.text()).toContain('expiration date is in the past');
    expect((await kit.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    const paid = await submitForm(session.id, visaForm);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`https://brand.example/billing?session=${session.id}`);
    expect((await kit.stripe.checkout.sessions.retrieve(session.id)).status).toBe('complete');
    const again = await fetch(`${kit.local.url}/pay/${session.id}`);
    expect(await again.text()).toContain('This payment is complete.');
  });

  it('the 3155 card asks to authenticate on the page, then succeeds; failing authentication changes nothing', async () => {
    const session = await topUpSession();
    const card = { ...visaForm, card_number: '4000 0025 0000 3155' };
    const challenge = await submitForm(session.id, card);
    const challengeHtml = await challenge.text();
    expect(challengeHtml).toContain('Authenticate');
    expect(challengeHtml).toContain('value="approve"');
    const failed = await submitForm(session.id, { ...card, authentication: 'fail' });
    expect(await failed.text()).toContain('unable to authenticate');
    expect((await kit.stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    const approved = await submitForm(session.id, { ...card, authentication: 'approve' });
    expect(approved.status).toBe(303);
    const completed = await kit.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect((completed.payment_intent as Stripe.PaymentIntent).status).toBe('succeeded');
  });

  it('saves the card when payment_intent_data asks (setup_future_usage), creating a customer if none was given', async () => {
    const session = await topUpSession({ saveCard: true });
    await submitForm(session.id, visaForm);
    const completed = await kit.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    const customer = idOf(completed.customer);
    expect(customer).toMatch(/^cus_/);
    const methods = await kit.stripe.customers.listPaymentMethods(customer);
    expect(methods.data.map((method) => method.id)).toEqual([(completed.payment_intent as Stripe.PaymentIntent).payment_method]);
  });

  it('setup mode saves the card through a SetupIntent (setup_intent.succeeded, payment_method.attached)', async () => {
    const customer = await kit.stripe.customers.create({ email: 'setup-mode@example.com' });
    const session = await kit.stripe.checkout.sessions.create({
      mode: 'setup',
      customer: customer.id,
      currency: 'usd',
      success_url: 'https://brand.example/billing/card?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://brand.example/billing/card',
    });
    const page = await (await fetch(`${kit.local.url}/pay/${session.id}`)).text();
    expect(page).toContain('Save card');
    const saved = await submitForm(session.id, { ...visaForm, card_number: '5555555555554444' });
    expect(saved.status).toBe(303);
    const completed = await kit.stripe.checkout.sessions.retrieve(session.id, { expand: ['setup_intent'] });
    const setupIntent = completed.setup_intent as Stripe.SetupIntent;
    expect(setupIntent).toMatchObject({ status: 'succeeded', customer: customer.id });
    const methods = await kit.stripe.customers.listPaymentMethods(customer.id);
    expect(methods.data[0]?.card?.last4).toBe('4444');
    await kit.delivered('setup_intent.succeeded', { objectId: setupIntent.id });
    await kit.delivered('payment_method.attached', { objectId: methods.data[0]?.id });
  });

  it('expires by API (checkout.session.expired) and by the clock passing expires_at', async () => {
    const byApi = await topUpSession();
    const expired = await kit.stripe.checkout.sessions.expire(byApi.id);
    expect(expired.status).toBe('expired');
    await expect(kit.stripe.checkout.sessions.expire(byApi.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
    const page = await fetch(`${kit.local.url}/pay/${byApi.id}`);
    expect(await page.text()).toContain('expired');

    const now = Math.floor(TEST_NOW.getTime() / 1000);
    const byClock = await kit.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 2, price_data: { currency: 'usd', unit_amount: 1000, product_data: { name: 'Credits' } } }],
      expires_at: now + 60 * 60,
    });
    expect(byClock.amount_total).toBe(2000);
    await kit.testRoute('/_test/clock/advance', { seconds: 60 * 60 });
    expect((await kit.stripe.checkout.sessions.retrieve(byClock.id)).status).toBe('expired');
    const expiredEvents = await kit.stripe.events.list({ type: 'checkout.session.expired' });
    expect(expiredEvents.data.map((event) => (event.data.object as Stripe.Checkout.Session).id)).toEqual([byClock.id, byApi.id]);
    await expect(
      kit.stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } } }], expires_at: now }),
    ).rejects.toMatchObject({ param: 'expires_at' });
  });
});
