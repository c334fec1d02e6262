import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStripe } from './local-stripe';
import type { LocalStripe } from './local-stripe';
import { TEST_NOW } from './testing/local-stripe-kit';
import type { WebhookReceiver } from './testing/webhook-receiver';
import { startWebhookReceiver } from './testing/webhook-receiver';

const PLATFORM_SECRET = 'whsec_platform_fixed_for_dev';
const CONNECT_SECRET = 'whsec_connect_fixed_for_dev';

let receiver: WebhookReceiver;
let local: LocalStripe;
let stripe: Stripe;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  local = await startLocalStripe({
    now: () => TEST_NOW,
    publicUrl: 'http://localhost:4906/',
    initialPlatformBalance: 50_000,
    webhookEndpoints: [
      { url: `${receiver.url}/webhooks/stripe`, secret: PLATFORM_SECRET },
      { url: `${receiver.url}/webhooks/stripe/connect`, secret: CONNECT_SECRET, connect: true, enabledEvents: ['account.updated'] },
    ],
  });
  stripe = new Stripe(local.secretKey, { ...local.clientOptions(), maxNetworkRetries: 0 });
});
afterAll(async () => {
  await local.stop();
  await receiver.stop();
});

describe('startLocalStripe options (what devstack uses)', () => {
  it('serves on its url, answers /health, and gives client options the SDK takes', async () => {
    expect(local.url).toBe(`http://127.0.0.1:${local.port}`);
    expect(local.clientOptions()).toEqual({ host: '127.0.0.1', port: local.port, protocol: 'http' });
    expect(local.secretKey).toMatch(/^sk_test_local_/);
    expect(await (await fetch(`${local.url}/health`)).json()).toEqual({ ok: true, service: 'local-stripe' });
  });

  it('delivers to endpoints configured at start, signed with their fixed secrets, platform and Connect apart', async () => {
    const endpoints = await stripe.webhookEndpoints.list();
    expect(endpoints.data.map((endpoint) => endpoint.url).sort()).toEqual([`${receiver.url}/webhooks/stripe`, `${receiver.url}/webhooks/stripe/connect`]);
    const account = await stripe.accounts.create({ type: 'express' });
    await stripe.accounts.update(account.id, { metadata: { streamerId: 's1' } });
    const deliveries = await receiver.waitForCount(1);
    const connectDelivery = deliveries.find((delivery) => delivery.path === '/webhooks/stripe/connect');
    const event = stripe.webhooks.constructEvent(connectDelivery?.body ?? '', connectDelivery?.signature ?? '', CONNECT_SECRET, 300, undefined, TEST_NOW.getTime());
    expect(event).toMatchObject({ type: 'account.updated', account: account.id });

    await stripe.customers.create({ email: 'dev@example.com' });
    const [platformDelivery] = (await receiver.waitForCount(2)).filter((delivery) => delivery.path === '/webhooks/stripe');
    expect(stripe.webhooks.constructEvent(platformDelivery?.body ?? '', platformDelivery?.signature ?? '', PLATFORM_SECRET, 300, undefined, TEST_NOW.getTime()).type).toBe(
      'customer.created',
    );
  });

  it('starts the platform with the configured available balance, and puts publicUrl in hosted pages’ urls', async () => {
    const balance = await stripe.balance.retrieve();
    expect(balance.available).toEqual([{ amount: 50_000, currency: 'usd', source_types: { card: 50_000 } }]);
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } } }],
    });
    expect(session.url).toBe(`http://localhost:4906/pay/${session.id}`);
  });

  it('refuses options it cannot honour', async () => {
    await expect(startLocalStripe({ webhookEndpoints: [{ url: 'http://127.0.0.1:1/x', secret: 'not-a-whsec' }] })).rejects.toThrow(/whsec_/);
  });
});
