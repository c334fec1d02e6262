import { startLocalStripe } from '@gametriggers/stripe-local';
import Stripe from 'stripe';

export interface LocalPaymentsOptions {
  /** 0 picks a free port (tests); default the development port. */
  port: number;
  /** Where Stripe sends webhooks: the gateway, which forwards `/webhooks/stripe*` to the payment service. */
  gatewayUrl: string;
}

/**
 * The local Stripe, with the platform's two webhook endpoints registered through the official SDK
 * as an operator would in Stripe's dashboard. `paymentEnv` is what the payment service needs to
 * talk to it and to check the signatures of what it sends.
 */
export async function startLocalPayments(options: LocalPaymentsOptions) {
  const stripe = await startLocalStripe({
    port: options.port,
    host: '127.0.0.1',
    // Hosted pages open in people's browsers, which reach the portals at `localhost` too.
    publicUrl: options.port === 0 ? undefined : `http://localhost:${options.port}`,
    // Card money reaches Stripe's available balance days after payment; in development the platform
    // starts with a float so a streamer can withdraw the day they earn (tests advance the clock).
    initialPlatformBalance: options.port === 0 ? 0 : 1_000_000,
  });
  try {
    const client = new Stripe(stripe.secretKey, { ...stripe.clientOptions(), telemetry: false });
    const gateway = options.gatewayUrl.replace(/\/$/, '');
    const platformEndpoint = await client.webhookEndpoints.create({
      url: `${gateway}/webhooks/stripe`,
      enabled_events: ['*'],
    });
    const connectEndpoint = await client.webhookEndpoints.create({
      url: `${gateway}/webhooks/stripe/connect`,
      enabled_events: ['*'],
      connect: true,
    });
    if (!platformEndpoint.secret || !connectEndpoint.secret) throw new Error('The local Stripe returned a webhook endpoint without its secret');
    const { host, port, protocol } = stripe.clientOptions();
    return {
      url: stripe.url,
      secretKey: stripe.secretKey,
      paymentEnv: {
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_API_HOST: host,
        STRIPE_API_PORT: String(port),
        STRIPE_API_PROTOCOL: protocol,
        STRIPE_WEBHOOK_SECRET: platformEndpoint.secret,
        STRIPE_CONNECT_WEBHOOK_SECRET: connectEndpoint.secret,
      },
      close: () => stripe.stop(),
    };
  } catch (error) {
    await stripe.stop();
    throw error;
  }
}
export type LocalPayments = Awaited<ReturnType<typeof startLocalPayments>>;
