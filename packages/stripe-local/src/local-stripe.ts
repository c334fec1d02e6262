import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createApi } from './api';
import { Balances } from './balances';
import { ServerClock } from './clock';
import { EventLog } from './events';
import { IdGenerator } from './ids';
import { RequestGate } from './request-gate';
import { registerWebhookEndpoint } from './resources/webhook-endpoints';
import { createRequestListener } from './server';
import { ObjectStore } from './store';
import { createTestRoutes } from './test-routes';
import { WebhookDeliveries } from './webhook-delivery';
import type { World } from './world';

export const localStripeOptionsSchema = z.object({
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().default('127.0.0.1'),
  /** What hosted pages' `url` fields start with (default: the server's own URL). */
  publicUrl: z.url().optional(),
  now: z.custom<() => Date>((value) => typeof value === 'function').default(() => () => new Date()),
  /** Waits before each retry of a failed delivery; the last one repeats until the endpoint answers 2xx. */
  webhookRetryDelaysMs: z.array(z.number().int().nonnegative()).min(1).default([500, 2_000, 10_000, 30_000, 60_000]),
  /** Endpoints that exist from the start with a known secret (development: the secret lives in the service's env). */
  webhookEndpoints: z
    .array(
      z.object({
        url: z.url(),
        secret: z.string().startsWith('whsec_'),
        connect: z.boolean().default(false),
        enabledEvents: z.array(z.string().min(1)).min(1).default(['*']),
      }),
    )
    .default([]),
  /** USD cents the platform has available from the start (development: withdrawals work before any deposit matures). */
  initialPlatformBalance: z.number().int().nonnegative().default(0),
});
export type LocalStripeOptions = z.input<typeof localStripeOptionsSchema>;

export interface LocalStripe {
  /** `http://host:port` */
  url: string;
  port: number;
  /** A key the server accepts (any `sk_test_*` key is). */
  secretKey: string;
  /** Spread into `new Stripe(key, { ...clientOptions() })`. */
  clientOptions(): { host: string; port: number; protocol: 'http' };
  stop(): Promise<void>;
}

/**
 * A local server speaking Stripe's HTTP API (the parts Gametriggers uses) so the official
 * `stripe` SDK runs unchanged against it; state lives in memory.
 */
export async function startLocalStripe(options: LocalStripeOptions = {}): Promise<LocalStripe> {
  const config = localStripeOptionsSchema.parse(options);
  const clock = new ServerClock(config.now);
  const ids = new IdGenerator(clock.nowSeconds());
  const store = new ObjectStore();
  const webhooks = new WebhookDeliveries(config.webhookRetryDelaysMs, () => clock.signingSeconds());
  const world: World = {
    store,
    ids,
    clock,
    balances: new Balances(),
    events: new EventLog(store, ids, clock, webhooks),
    webhooks,
    publicUrl: '',
  };
  for (const endpoint of config.webhookEndpoints) registerWebhookEndpoint(world, endpoint);
  if (config.initialPlatformBalance > 0) world.balances.credit(null, 'usd', config.initialPlatformBalance);
  const gate = new RequestGate();
  const server = createServer(createRequestListener(world, createApi(world, gate), createTestRoutes(world, gate)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;
  world.publicUrl = (config.publicUrl ?? url).replace(/\/$/, '');

  return {
    url,
    port,
    secretKey: `sk_test_local_${ids.tag}`,
    clientOptions: () => ({ host: config.host, port, protocol: 'http' }),
    async stop() {
      webhooks.stop();
      gate.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
