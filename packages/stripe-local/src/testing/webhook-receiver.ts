import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  path: string;
  /** The raw body, exactly as signed. */
  body: string;
  signature: string;
  /** The event's `type` and `id`, for quick filtering. */
  type: string;
  eventId: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`; any path is accepted. */
  url: string;
  deliveries: ReceivedDelivery[];
  /** The status to answer each delivery with (default 200); `attempt` counts from 0 per event id. */
  answerWith(status: (delivery: ReceivedDelivery, attempt: number) => number): void;
  /** Resolves once `count` deliveries (answered 2xx or not) have arrived in total. */
  waitForCount(count: number): Promise<ReceivedDelivery[]>;
  stop(): Promise<void>;
}

/** A tiny HTTP endpoint that records what the local Stripe delivers (for tests). */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const attempts = new Map<string, number>();
  const waiters: { count: number; resolve: (deliveries: ReceivedDelivery[]) => void }[] = [];
  let statusFor: (delivery: ReceivedDelivery, attempt: number) => number = () => 200;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const event = JSON.parse(body) as { id: string; type: string };
      const delivery = {
        path: request.url ?? '/',
        body,
        signature: String(request.headers['stripe-signature'] ?? ''),
        type: event.type,
        eventId: event.id,
      };
      const attempt = attempts.get(event.id) ?? 0;
      attempts.set(event.id, attempt + 1);
      deliveries.push(delivery);
      response.writeHead(statusFor(delivery, attempt)).end();
      for (const waiter of [...waiters]) {
        if (deliveries.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve([...deliveries]);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    answerWith(status) {
      statusFor = status;
    },
    waitForCount(count) {
      if (deliveries.length >= count) return Promise.resolve([...deliveries]);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
