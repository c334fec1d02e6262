import { platformConfigEnvShape } from '@gametriggers/platform-config';
import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';
import { stripeEnvShape } from './stripe/stripe-env';

export const paymentEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4107),
  /** How often the maturing job looks for earnings whose hold has passed. */
  EARNINGS_MATURE_EVERY_MS: z.coerce.number().int().positive().default(60_000),
  /** BullMQ key prefix (default the platform's); lets a test run the process on its own queues. */
  QUEUE_PREFIX: z.string().min(1).optional(),
  ...stripeEnvShape,
  ...platformConfigEnvShape,
}).refine(
  (env) => env.NODE_ENV !== 'production' || (env.STRIPE_WEBHOOK_SECRET && env.STRIPE_CONNECT_WEBHOOK_SECRET),
  { message: 'STRIPE_WEBHOOK_SECRET and STRIPE_CONNECT_WEBHOOK_SECRET are required in production', path: ['STRIPE_WEBHOOK_SECRET'] },
);
export type PaymentEnv = z.infer<typeof paymentEnvSchema>;

export function readPaymentEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('payment', paymentEnvSchema, source);
}
