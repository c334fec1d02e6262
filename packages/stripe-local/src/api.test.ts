import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeTestKit } from './testing/local-stripe-kit';
import { startStripeTestKit } from './testing/local-stripe-kit';

let kit: StripeTestKit;
beforeAll(async () => {
  kit = await startStripeTestKit();
});
afterAll(async () => {
  await kit.stop();
});

describe('the API surface the SDK relies on', () => {
  it('refuses a missing or non-test key with 401 (StripeAuthenticationError) and always sends request-id', async () => {
    const wrongKey = new Stripe('sk_live_nope', { ...kit.local.clientOptions(), maxNetworkRetries: 0 });
    await expect(wrongKey.customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    const response = await fetch(`${kit.local.url}/v1/customers`);
    expect(response.status).toBe(401);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/did not provide an API key/);
  });

  it('answers an unknown route and an unknown id with StripeInvalidRequestError (404)', async () => {
    const missing = await kit.stripe.customers.retrieve('cus_nope').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    const response = await fetch(`${kit.local.url}/v1/nothing_here`, { headers: { Authorization: `Bearer ${kit.local.secretKey}` } });
    expect(response.status).toBe(404);
  });

  it('refuses a Stripe-Account that is not a connected account with StripePermissionError (403)', async () => {
    const error = await kit.stripe.balance.retrieve({}, { stripeAccount: 'acct_unknown' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
  });

  it('creates, retrieves, updates customers; metadata strings, an empty value removes a key', async () => {
    const created = await kit.stripe.customers.create({ email: 'brand@example.com', name: 'Acme', metadata: { brandId: 'b1', tier: 'gold' } });
    expect(created.id).toMatch(/^cus_/);
    expect(created.metadata).toEqual({ brandId: 'b1', tier: 'gold' });
    const updated = await kit.stripe.customers.update(created.id, { name: 'Acme Energy', metadata: { tier: '' } });
    expect(updated).toMatchObject({ name: 'Acme Energy', email: 'brand@example.com', metadata: { brandId: 'b1' } });
    expect(await kit.stripe.customers.retrieve(created.id)).toEqual(updated);
    const invalid = await kit.stripe.customers.create({ email: 'x@example.com', invoice_settings: { default_payment_method: 'pm_missing' } }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ type: 'StripeInvalidRequestError', param: 'invoice_settings[default_payment_method]' });
    expect((await kit.stripe.customers.list({ email: 'x@example.com' })).data).toHaveLength(0);
    const withCard = await kit.stripe.customers.create({ payment_method: 'pm_card_visa', invoice_settings: { default_payment_method: 'pm_card_visa' } });
    const [card] = (await kit.stripe.customers.listPaymentMethods(withCard.id)).data;
    expect(card?.id).toMatch(/^pm_/);
    expect(withCard.invoice_settings.default_payment_method).toBe(card?.id);
  });

  it('pages lists newest first with limit, starting_after and ending_before, and auto-pagination', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) ids.push((await kit.stripe.customers.create({ email: `page${index}@example.com` })).id);
    const newestFirst = [...ids].reverse();
    const page1 = await kit.stripe.customers.list({ limit: 2, email: undefined });
    expect(page1.object).toBe('list');
    expect(page1.url).toBe('/v1/customers');
    expect(page1.has_more).toBe(true);
    expect(page1.data.map((customer) => customer.id)).toEqual(newestFirst.slice(0, 2));
    const page2 = await kit.stripe.customers.list({ limit: 2, starting_after: page1.data[1]?.id });
    expect(page2.data.map((customer) => customer.id)).toEqual(newestFirst.slice(2, 4));
    const back = await kit.stripe.customers.list({ limit: 2, ending_before: page2.data[0]?.id });
    expect(back.data.map((customer) => customer.id)).toEqual(newestFirst.slice(0, 2));
    expect(back.has_more).toBe(false);
    const all = await kit.stripe.customers.list({ limit: 2 }).autoPagingToArray({ limit: 100 });
    expect(all.map((customer) => customer.id).slice(0, 5)).toEqual(newestFirst);
    const byEmail = await kit.stripe.customers.list({ email: 'page3@example.com' });
    expect(byEmail.data.map((customer) => customer.id)).toEqual([ids[3]]);
    await expect(kit.stripe.customers.list({ limit: 101 })).rejects.toMatchObject({ param: 'limit' });
  });

  it('filters any list by created (exact or gt/gte/lt/lte), by the server clock', async () => {
    const before = await kit.stripe.customers.create({ email: 'before-advance@example.com' });
    const { body } = await kit.testRoute<{ now: number }>('/_test/clock/advance', { seconds: 100 });
    const after = await kit.stripe.customers.create({ email: 'after-advance@example.com' });
    expect(after.created).toBe(body.now);
    expect(after.created - before.created).toBe(100);
    const recent = await kit.stripe.customers.list({ created: { gt: before.created } });
    expect(recent.data.map((customer) => customer.id)).toEqual([after.id]);
    const exact = await kit.stripe.customers.list({ created: before.created, limit: 100 });
    expect(exact.data.map((customer) => customer.id)).toContain(before.id);
    expect(exact.data.map((customer) => customer.id)).not.toContain(after.id);
    const events = await kit.stripe.events.list({ created: { gte: after.created }, type: 'customer.created' });
    expect(events.data.map((event) => (event.data.object as Stripe.Customer).id)).toEqual([after.id]);
  });

  it('names the parameter that is missing or malformed', async () => {
    await expect(kit.stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'parameter_missing',
      param: 'amount',
    });
    await expect(kit.stripe.paymentIntents.create({ amount: 0, currency: 'usd' })).rejects.toMatchObject({ param: 'amount', code: 'amount_too_small' });
  });
});
