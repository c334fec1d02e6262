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

function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${kit.local.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${kit.local.secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

describe('idempotency on every POST', () => {
  it('replays the first status and body for the same key, marked Idempotent-Replayed, without a second object', async () => {
    const first = await kit.stripe.customers.create({ email: 'once@example.com' }, { idempotencyKey: 'customer-once' });
    const again = await kit.stripe.customers.create({ email: 'once@example.com' }, { idempotencyKey: 'customer-once' });
    expect(again).toEqual(first);
    const raw = await post('/v1/customers', 'email=once%40example.com', { 'Idempotency-Key': 'customer-once' });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('idempotent-replayed')).toBe('true');
    expect(((await raw.json()) as { id: string }).id).toBe(first.id);
    const matching = await kit.stripe.customers.list({ email: 'once@example.com' });
    expect(matching.data).toHaveLength(1);
  });

  it('replays an error too: a declined payment retried with its key is the same 402, not a second attempt', async () => {
    const key = 'declined-once';
    const params = { amount: 1500, currency: 'usd', payment_method: 'pm_card_chargeDeclined', confirm: true } as const;
    const first = await kit.stripe.paymentIntents.create(params, { idempotencyKey: key }).catch((error: unknown) => error);
    const second = await kit.stripe.paymentIntents.create(params, { idempotencyKey: key }).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((second as Stripe.errors.StripeCardError).payment_intent?.id).toBe((first as Stripe.errors.StripeCardError).payment_intent?.id);
    const failures = (await kit.stripe.events.list({ type: 'payment_intent.payment_failed' })).data;
    expect(failures).toHaveLength(1);
  });

  it('refuses the same key with other parameters: 400 idempotency_error (StripeIdempotencyError)', async () => {
    await kit.stripe.customers.create({ email: 'first@example.com' }, { idempotencyKey: 'reused-key' });
    const error = await kit.stripe.customers.create({ email: 'second@example.com' }, { idempotencyKey: 'reused-key' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
  });

  it('scopes keys by account, method and path', async () => {
    const customer = await kit.stripe.customers.create({ email: 'scoped@example.com' }, { idempotencyKey: 'shared-key' });
    const intent = await kit.stripe.paymentIntents.create({ amount: 500, currency: 'usd' }, { idempotencyKey: 'shared-key' });
    expect(intent.id).toMatch(/^pi_/);
    const account = await kit.stripe.accounts.create({ type: 'express' });
    const inAccount = await kit.stripe.customers.create({ email: 'scoped@example.com' }, { idempotencyKey: 'shared-key', stripeAccount: account.id });
    expect(inAccount.id).not.toBe(customer.id);
  });

  it('answers 409 idempotency_key_in_use while the first request with the key still runs, then replays it', async () => {
    await kit.testRoute('/_test/requests/hold');
    const first = post('/v1/customers', 'email=slow%40example.com', { 'Idempotency-Key': 'in-flight' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const concurrent = await post('/v1/customers', 'email=slow%40example.com', { 'Idempotency-Key': 'in-flight' });
    expect(concurrent.status).toBe(409);
    expect(((await concurrent.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_in_use');
    await kit.testRoute('/_test/requests/release');
    const firstBody = (await (await first).json()) as { id: string };
    const replay = await post('/v1/customers', 'email=slow%40example.com', { 'Idempotency-Key': 'in-flight' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as { id: string }).id).toBe(firstBody.id);
  });

  it('lets the SDK retry a 409 until the first request has finished', async () => {
    const retrying = new Stripe(kit.local.secretKey, { ...kit.local.clientOptions(), maxNetworkRetries: 3, telemetry: false });
    await kit.testRoute('/_test/requests/hold');
    const first = post('/v1/customers', 'email=retry%40example.com', { 'Idempotency-Key': 'sdk-retry' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const retried = retrying.customers.create({ email: 'retry@example.com' }, { idempotencyKey: 'sdk-retry' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await kit.testRoute('/_test/requests/release');
    const firstBody = (await (await first).json()) as { id: string };
    expect((await retried).id).toBe(firstBody.id);
  });
});
