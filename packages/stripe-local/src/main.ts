// Runs the local Stripe for development (variables in the README): `STRIPE_LOCAL_PORT` (default 4906), `PUBLIC_URL`, …
import { z } from 'zod';
import { startLocalStripe } from './local-stripe';

const env = z
  .object({
    STRIPE_LOCAL_PORT: z.coerce.number().int().min(0).max(65_535).default(4906),
    STRIPE_LOCAL_HOST: z.string().default('127.0.0.1'),
    PUBLIC_URL: z.url().optional(),
    STRIPE_LOCAL_WEBHOOK_URL: z.url().optional(),
    STRIPE_LOCAL_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    STRIPE_LOCAL_CONNECT_WEBHOOK_URL: z.url().optional(),
    STRIPE_LOCAL_CONNECT_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    STRIPE_LOCAL_PLATFORM_BALANCE_CENTS: z.coerce.number().int().nonnegative().default(0),
  })
  .refine((vars) => !vars.STRIPE_LOCAL_WEBHOOK_URL || vars.STRIPE_LOCAL_WEBHOOK_SECRET, 'STRIPE_LOCAL_WEBHOOK_URL needs STRIPE_LOCAL_WEBHOOK_SECRET')
  .refine(
    (vars) => !vars.STRIPE_LOCAL_CONNECT_WEBHOOK_URL || vars.STRIPE_LOCAL_CONNECT_WEBHOOK_SECRET,
    'STRIPE_LOCAL_CONNECT_WEBHOOK_URL needs STRIPE_LOCAL_CONNECT_WEBHOOK_SECRET',
  )
  .safeParse(process.env);
if (!env.success) {
  console.error(`Local Stripe: invalid environment\n${z.prettifyError(env.error)}`);
  process.exit(1);
}

const stripe = await startLocalStripe({
  port: env.data.STRIPE_LOCAL_PORT,
  host: env.data.STRIPE_LOCAL_HOST,
  publicUrl: env.data.PUBLIC_URL,
  initialPlatformBalance: env.data.STRIPE_LOCAL_PLATFORM_BALANCE_CENTS,
  webhookEndpoints: [
    ...(env.data.STRIPE_LOCAL_WEBHOOK_URL && env.data.STRIPE_LOCAL_WEBHOOK_SECRET
      ? [{ url: env.data.STRIPE_LOCAL_WEBHOOK_URL, secret: env.data.STRIPE_LOCAL_WEBHOOK_SECRET, connect: false }]
      : []),
    ...(env.data.STRIPE_LOCAL_CONNECT_WEBHOOK_URL && env.data.STRIPE_LOCAL_CONNECT_WEBHOOK_SECRET
      ? [{ url: env.data.STRIPE_LOCAL_CONNECT_WEBHOOK_URL, secret: env.data.STRIPE_LOCAL_CONNECT_WEBHOOK_SECRET, connect: true }]
      : []),
  ],
});
process.stdout.write(`Local Stripe (test mode) listening on ${stripe.url}; any sk_test_* key works, e.g. ${stripe.secretKey}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stripe.stop().then(() => process.exit(0));
  });
}
