import { startLocalStripe } from '@gametriggers/stripe-local';
import type { LocalStripe } from '@gametriggers/stripe-local';
import Stripe from 'stripe';

export interface LocalPaymentsOptions {
  /** 0 picks a free port (tests); default the development port. */
  port: number;
  /** Where Stripe sends webhooks: the gateway, which forwards `/webhooks/stripe*` to the payment service. */
  gatewayUrl: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** The host browsers reach its hosted pages at; default localhost. */
  publicHost?: string;
  /**
   * The endpoints' signing secrets when the payment service is configured ahead (Compose); without
   * them the endpoints are registered through the SDK and their secrets returned in `paymentEnv`.
   */
  webhookSecrets?: { platform: string; connect: string };
}

/**
 * The local Stripe, with the platform's two webhook endpoints. `paymentEnv` is what the payment service needs to
 * talk to it and to check the signatures of what it sends.
 */
export async function startLocalPayments(options: LocalPaymentsOptions) {
  const gateway = options.gatewayUrl.replace(/\/$/, '');
  const fixed = options.webhookSecrets;
  const stripe = await startLocalStripe({
    port: options.port,
    host: options.host ?? '127.0.0.1',
    webhookEndpoints: fixed
      ? [
          { url: `${gateway}/webhooks/stripe`, secret: fixed.platform },
          { url: `${gateway}/webhooks/stripe/connect`, secret: fixed.connect, connect: true },
        ]
      : [],
    // Hosted pages open in people's browsers, which reach the portals at `localhost` too.
    publicUrl: options.port === 0 ? undefined : `http://${options.publicHost ?? 'localhost'}:${options.port}`,
    // Card money reaches Stripe's available balance days after payment; in development the platform
    // starts with a float so a streamer can withdraw the day they earn (tests advance the clock).
    initialPlatformBalance: options.port === 0 ? 0 : 1_000_000,
  });
  try {
    const secrets = fixed ?? (await registerWebhookEndpoints(stripe, gateway));
    const { host, port, protocol } = stripe.clientOptions();
    return {
      url: stripe.url,
      secretKey: stripe.secretKey,
      paymentEnv: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_API_HOST: host,
        STRIPE_API_PORT: String(port),
        STRIPE_API_PROTOCOL: protocol,
        STRIPE_WEBHOOK_SECRET: secrets.platform,
        STRIPE_CONNECT_WEBHOOK_SECRET: secrets.connect,
      },
      close: () => stripe.stop(),
    };
  } catch (error) {
    await stripe.stop();
    throw error;
  }
}

/** The platform's two endpoints, registered through the official SDK as an operator would in Stripe's dashboard. */
async function registerWebhookEndpoints(stripe: LocalStripe, gateway: string) {
  const client = new Stripe(stripe.secretKey, { ...stripe.clientOptions(), telemetry: false });
  const platform = await client.webhookEndpoints.create({ url: `${gateway}/webhooks/stripe`, enabled_events: ['*'] });
  const connect = await client.webhookEndpoints.create({
    url: `${gateway}/webhooks/stripe/connect`,
    enabled_events: ['*'],
    connect: true,
  });
  if (!platform.secret || !connect.secret) throw new Error('The local Stripe returned a webhook endpoint without its secret');
  return { platform: platform.secret, connect: connect.secret };
}

export type LocalPayments = Awaited<ReturnType<typeof startLocalPayments>>;
