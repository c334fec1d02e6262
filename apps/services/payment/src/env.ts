import { platformConfigEnvShape } from '@gametriggers/platform-config';
import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';
import { stripeEnvShape } from './stripe/stripe-env';

export const paymentEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4107),
  /** How often the maturing job looks for earnings whose hold has passed. */
  EARNINGS_MATURE_EVERY_MS: z.coerce.number().int().positive().default(60_000),
  /** BullMQ key prefix (default the platform's); lets a test run the process on its own queues. */
  /**
   * Test platforms only (the browser tests): the service's clock moves with the local Stripe's
   * through `POST /_test/clock/advance`. Refused without a Stripe test key and the local Stripe.
   */
  PAYMENT_TEST_CLOCK: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  ...stripeEnvShape,
  ...platformConfigEnvShape,
})
  .refine(
    (env) => env.NODE_ENV !== 'production' || (env.STRIPE_WEBHOOK_SECRET && env.STRIPE_CONNECT_WEBHOOK_SECRET),
    { message: 'STRIPE_WEBHOOK_SECRET and STRIPE_CONNECT_WEBHOOK_SECRET are required in production', path: ['STRIPE_WEBHOOK_SECRET'] },
  )
  .refine((env) => !env.PAYMENT_TEST_CLOCK || (env.STRIPE_SECRET_KEY.startsWith('sk_test_') && env.STRIPE_API_HOST), {
    message: 'a test clock needs a Stripe test key (sk_test_…) and the local Stripe (STRIPE_API_HOST)',
    path: ['PAYMENT_TEST_CLOCK'],
  });
export type PaymentEnv = z.infer<typeof paymentEnvSchema>;

export function readPaymentEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('payment', paymentEnvSchema, source);
}
