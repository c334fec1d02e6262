import Stripe from 'stripe';
import { startLocalStripe } from '../local-stripe';
import type { LocalStripe, LocalStripeOptions } from '../local-stripe';
import type { WebhookReceiver } from './webhook-receiver';
import { startWebhookReceiver } from './webhook-receiver';

/** The fixed instant the tests' server clock starts at. */
export const TEST_NOW = new Date('2026-03-02T10:00:00.000Z');

export interface StripeTestKit {
  local: LocalStripe;
  stripe: Stripe;
  /** Receives platform events (`/platform`) and Connect events (`/connect`). */
  receiver: WebhookReceiver;
  platformSecret: string;
  connectSecret: string;
  /** The deliveries so far, verified with `stripe.webhooks.constructEvent`. */
  events(path?: '/platform' | '/connect'): Stripe.Event[];
  /** Waits for the first delivered event of `type` (about `objectId`, if given), verified. */
  delivered(type: string, filter?: { path?: '/platform' | '/connect'; objectId?: string }): Promise<Stripe.Event>;
  testRoute<T = unknown>(path: string, body?: unknown, method?: 'POST' | 'GET'): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** A local Stripe on a random port, an SDK client for it, and two webhook endpoints at a receiver. */
export async function startStripeTestKit(options: Partial<LocalStripeOptions> = {}): Promise<StripeTestKit> {
  const local = await startLocalStripe({ now: () => TEST_NOW, webhookRetryDelaysMs: [20, 40, 80], ...options });
  const stripe = new Stripe(local.secretKey, { ...local.clientOptions(), maxNetworkRetries: 0, telemetry: false });
  const receiver = await startWebhookReceiver();
  const platform = await stripe.webhookEndpoints.create({ url: `${receiver.url}/platform`, enabled_events: ['*'] });
  const connect = await stripe.webhookEndpoints.create({ url: `${receiver.url}/connect`, enabled_events: ['*'], connect: true });
  const platformSecret = platform.secret ?? '';
  const connectSecret = connect.secret ?? '';

  const verify = (path: string, body: string, signature: string): Stripe.Event =>
    stripe.webhooks.constructEvent(body, signature, path === '/connect' ? connectSecret : platformSecret, 300, undefined, TEST_NOW.getTime());

  const events = (path: '/platform' | '/connect' = '/platform') =>
    receiver.deliveries.filter((delivery) => delivery.path === path).map((delivery) => verify(delivery.path, delivery.body, delivery.signature));

  return {
    local,
    stripe,
    receiver,
    platformSecret,
    connectSecret,
    events,
    async delivered(type, { path = '/platform', objectId }: { path?: '/platform' | '/connect'; objectId?: string } = {}) {
      for (;;) {
        const found = receiver.deliveries
          .filter((delivery) => delivery.type === type && delivery.path === path)
          .map((delivery) => verify(delivery.path, delivery.body, delivery.signature))
          .find((event) => objectId === undefined || (event.data.object as { id?: string }).id === objectId);
        if (found) return found;
        await receiver.waitForCount(receiver.deliveries.length + 1);
      }
    },
    async testRoute(path, body, method = 'POST') {
      const response = await fetch(`${local.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    async stop() {
      await local.stop();
      await receiver.stop();
    },
  };
}

/** The id of an expandable field, whether it holds the id or the expanded object. */
export function idOf(value: string | { id: string } | null | undefined): string {
  if (value === null || value === undefined) throw new Error('Expected an id, got nothing');
  return typeof value === 'string' ? value : value.id;
}
