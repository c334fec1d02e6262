import Stripe from 'stripe';
import type { StripeEnv } from './stripe-env';

/** The official SDK, pointed at the local Stripe when `STRIPE_API_HOST` is set. */
export function createStripeClient(env: Pick<StripeEnv, 'STRIPE_SECRET_KEY' | 'STRIPE_API_HOST' | 'STRIPE_API_PORT' | 'STRIPE_API_PROTOCOL'>) {
  return new Stripe(env.STRIPE_SECRET_KEY, {
    ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
    ...(env.STRIPE_API_PORT ? { port: env.STRIPE_API_PORT } : {}),
    ...(env.STRIPE_API_PROTOCOL ? { protocol: env.STRIPE_API_PROTOCOL } : {}),
    maxNetworkRetries: 2,
    telemetry: false,
  });
}

export type StripeClient = Stripe;

/** The local Stripe's address (its `/_test/…` routes), from the same settings the SDK uses. */
export function localStripeUrlOf(env: Pick<StripeEnv, 'STRIPE_API_HOST' | 'STRIPE_API_PORT' | 'STRIPE_API_PROTOCOL'>) {
  const protocol = env.STRIPE_API_PROTOCOL ?? 'https';
  return `${protocol}://${env.STRIPE_API_HOST}${env.STRIPE_API_PORT ? `:${env.STRIPE_API_PORT}` : ''}`;
}
