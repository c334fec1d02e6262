import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StripeTestKit } from './testing/local-stripe-kit';
import { startStripeTestKit, TEST_NOW } from './testing/local-stripe-kit';
import type { WebhookReceiver } from './testing/webhook-receiver';
import { startWebhookReceiver } from './testing/webhook-receiver';

let kit: StripeTestKit;
let extra: WebhookReceiver;
beforeAll(async () => {
  kit = await startStripeTestKit();
  extra = await startWebhookReceiver();
});
afterEach(() => {
  kit.receiver.answerWith(() => 200);
});
afterAll(async () => {
  await kit.stop();
  await extra.stop();
});

function deliveriesOf(eventId: string, receiver = kit.receiver) {
  return receiver.deliveries.filter((delivery) => delivery.eventId === eventId);
}

async function customerCreatedEvent(email: string): Promise<Stripe.Event> {
  const customer = await kit.stripe.customers.create({ email });
  return kit.delivered('customer.created', { objectId: customer.id });
}

describe('webhook deliveries', () => {
  it('signs each delivery so stripe.webhooks.constructEvent accepts it, and refuses a tampered body', async () => {
    const event = await customerCreatedEvent('signed@example.com');
    const [delivery] = deliveriesOf(event.id);
    expect(delivery?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(delivery?.signature.startsWith(`t=${Math.floor(TEST_NOW.getTime() / 1000)},`)).toBe(true);
    const tampered = (delivery?.body ?? '').replace('signed@example.com', 'forged@example.com');
    expect(() =>
      kit.stripe.webhooks.constructEvent(tampered, delivery?.signature ?? '', kit.platformSecret, 300, undefined, TEST_NOW.getTime()),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() =>
      kit.stripe.webhooks.constructEvent(delivery?.body ?? '', delivery?.signature ?? '', kit.connectSecret, 300, undefined, TEST_NOW.getTime()),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('signs with the advanced time once an advance moves the signatures too (a receiver on a test clock)', async () => {
    await kit.testRoute('/_test/clock/advance', { seconds: 3_600 });
    const before = deliveriesOf((await customerCreatedEvent('unmoved@example.com')).id)[0];
    expect(before?.signature.startsWith(`t=${Math.floor(TEST_NOW.getTime() / 1000)},`)).toBe(true);
    await kit.testRoute('/_test/clock/advance', { seconds: 86_400, signatures: true });
    const [delivery] = deliveriesOf((await customerCreatedEvent('moved@example.com')).id);
    const movedNow = TEST_NOW.getTime() + 86_400_000;
    expect(delivery?.signature.startsWith(`t=${movedNow / 1000},`)).toBe(true);
    expect(kit.stripe.webhooks.constructEvent(delivery?.body ?? '', delivery?.signature ?? '', kit.platformSecret, 300, undefined, movedNow).id).toBe(
      delivery?.eventId,
    );
  });

  it('retries a delivery the endpoint refuses, with backoff, until it answers 2xx', async () => {
    kit.receiver.answerWith((delivery, attempt) => (delivery.type === 'customer.created' && attempt < 3 ? 500 : 200));
    const customer = await kit.stripe.customers.create({ email: 'retry@example.com' });
    const event = (await kit.stripe.events.list({ type: 'customer.created', limit: 1 })).data[0];
    expect((event?.data.object as Stripe.Customer).id).toBe(customer.id);
    const eventId = event?.id ?? '';
    while (deliveriesOf(eventId).length < 4) await kit.receiver.waitForCount(kit.receiver.deliveries.length + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const bodies = deliveriesOf(eventId).map((delivery) => delivery.body);
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies).size).toBe(1);
    expect((await kit.stripe.events.retrieve(eventId)).pending_webhooks).toBe(0);
  });

  it('keeps retrying an endpoint that is down until it answers', async () => {
    const down = await startWebhookReceiver();
    const deadUrl = down.url;
    await down.stop();
    const endpoint = await kit.stripe.webhookEndpoints.create({ url: `${deadUrl}/late`, enabled_events: ['customer.updated'] });
    const customer = await kit.stripe.customers.create({ email: 'late@example.com' });
    await kit.stripe.customers.update(customer.id, { name: 'Late' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const event = (await kit.stripe.events.list({ type: 'customer.updated', limit: 1 })).data[0];
    expect(event?.pending_webhooks).toBe(1);

    const recovered = await startWebhookReceiver();
    await kit.stripe.webhookEndpoints.update(endpoint.id, { url: `${recovered.url}/late` });
    const [delivery] = await recovered.waitForCount(1);
    expect(delivery?.eventId).toBe(event?.id);
    await vi.waitFor(async () => expect((await kit.stripe.events.retrieve(event?.id ?? '')).pending_webhooks).toBe(0));
    await kit.stripe.webhookEndpoints.del(endpoint.id);
    await recovered.stop();
  });

  it('sends only the enabled events, and nothing after an endpoint is deleted', async () => {
    const endpoint = await kit.stripe.webhookEndpoints.create({ url: `${extra.url}/only-disputes`, enabled_events: ['charge.dispute.created'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await kit.stripe.webhookEndpoints.list();
    expect(listed.data.find((entry) => entry.id === endpoint.id)?.secret).toBeUndefined();
    const intent = await kit.stripe.paymentIntents.create({ amount: 100, currency: 'usd', payment_method: 'pm_card_visa', confirm: true });
    const dispute = await kit.testRoute<Stripe.Dispute>('/_test/disputes', { payment_intent: intent.id });
    const [delivery] = await extra.waitForCount(1);
    expect(delivery?.type).toBe('charge.dispute.created');
    const event = kit.stripe.webhooks.constructEvent(delivery?.body ?? '', delivery?.signature ?? '', endpoint.secret ?? '', 300, undefined, TEST_NOW.getTime());
    expect((event.data.object as Stripe.Dispute).id).toBe(dispute.body.id);
    const deleted = await kit.stripe.webhookEndpoints.del(endpoint.id);
    expect(deleted.deleted).toBe(true);
    await kit.testRoute(`/_test/disputes/${dispute.body.id}/close`, { status: 'won' });
    await kit.delivered('charge.dispute.closed', { objectId: dispute.body.id });
    expect(extra.deliveries).toHaveLength(1);
  });

  it('redelivers an event and duplicates it (two copies at once) through the test routes', async () => {
    const event = await customerCreatedEvent('again@example.com');
    const before = kit.receiver.deliveries.length;
    expect((await kit.testRoute('/_test/webhooks/redeliver', { event_id: event.id })).status).toBe(200);
    await kit.receiver.waitForCount(before + 1);
    expect((await kit.testRoute('/_test/webhooks/duplicate', { event_id: event.id })).status).toBe(200);
    await kit.receiver.waitForCount(before + 3);
    expect(deliveriesOf(event.id)).toHaveLength(4);
    expect(new Set(deliveriesOf(event.id).map((delivery) => delivery.body)).size).toBe(1);
    expect((await kit.testRoute('/_test/webhooks/redeliver', { event_id: 'evt_missing' })).status).toBe(404);
  });

  it('holds deliveries while paused and releases them newest first (reverse) or in order (fifo)', async () => {
    await kit.testRoute('/_test/webhooks/pause');
    const first = await kit.stripe.customers.create({ email: 'order1@example.com' });
    const second = await kit.stripe.customers.create({ email: 'order2@example.com' });
    const third = await kit.stripe.customers.create({ email: 'order3@example.com' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = kit.receiver.deliveries.length;
    const released = await kit.testRoute<{ released: number }>('/_test/webhooks/resume', { order: 'reverse' });
    expect(released.body.released).toBe(3);
    const arrived = (await kit.receiver.waitForCount(before + 3)).slice(before);
    const customerIds = arrived.map((delivery) => (JSON.parse(delivery.body) as Stripe.Event).data.object as Stripe.Customer).map((customer) => customer.id);
    expect(customerIds).toEqual([third.id, second.id, first.id]);

    await kit.testRoute('/_test/webhooks/pause');
    const fourth = await kit.stripe.customers.create({ email: 'order4@example.com' });
    const fifth = await kit.stripe.customers.create({ email: 'order5@example.com' });
    const beforeFifo = kit.receiver.deliveries.length;
    await kit.testRoute('/_test/webhooks/resume', { order: 'fifo' });
    const inOrder = (await kit.receiver.waitForCount(beforeFifo + 2)).slice(beforeFifo);
    expect(inOrder.map((delivery) => ((JSON.parse(delivery.body) as Stripe.Event).data.object as Stripe.Customer).id)).toEqual([fourth.id, fifth.id]);
  });
});

describe('events', () => {
  it('lists and retrieves events through the API (per account) and all of them through /_test/events', async () => {
    const customer = await kit.stripe.customers.create({ email: 'events@example.com' });
    const [latest] = (await kit.stripe.events.list({ type: 'customer.created', limit: 1 })).data;
    expect(latest).toMatchObject({ object: 'event', type: 'customer.created', livemode: false, data: { object: { id: customer.id } } });
    expect(latest?.id).toMatch(/^evt_/);
    expect(await kit.stripe.events.retrieve(latest?.id ?? '')).toMatchObject({ id: latest?.id, type: latest?.type, data: latest?.data });
    const wildcard = await kit.stripe.events.list({ type: 'customer.*', limit: 100 });
    expect(wildcard.data.every((event) => event.type.startsWith('customer.'))).toBe(true);

    const account = await kit.stripe.accounts.create({ type: 'express' });
    await kit.stripe.accounts.update(account.id, { metadata: { streamerId: 's9' } });
    const accountEvents = await kit.stripe.events.list({}, { stripeAccount: account.id });
    expect(accountEvents.data.map((event) => event.type)).toEqual(['account.updated']);
    expect(accountEvents.data[0]?.account).toBe(account.id);
    await expect(kit.stripe.events.retrieve(accountEvents.data[0]?.id ?? '')).rejects.toMatchObject({ code: 'resource_missing' });

    const all = await kit.testRoute<{ data: Stripe.Event[] }>('/_test/events', undefined, 'GET');
    const ids = all.body.data.map((event) => event.id);
    expect(ids).toContain(latest?.id);
    expect(ids).toContain(accountEvents.data[0]?.id);
  });
});
