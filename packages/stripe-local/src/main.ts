// Runs the local Stripe for development: `STRIPE_LOCAL_PORT` (default 4906), `PUBLIC_URL`.
import { z } from 'zod';
import { startLocalStripe } from './local-stripe';

const env = z
  .object({
    STRIPE_LOCAL_PORT: z.coerce.number().int().min(1).max(65_535).default(4906),
    STRIPE_LOCAL_HOST: z.string().default('127.0.0.1'),
    PUBLIC_URL: z.url().optional(),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`Local Stripe: invalid environment\n${z.prettifyError(env.error)}`);
  process.exit(1);
}

const stripe = await startLocalStripe({
  port: env.data.STRIPE_LOCAL_PORT,
  host: env.data.STRIPE_LOCAL_HOST,
  publicUrl: env.data.PUBLIC_URL,
});
process.stdout.write(`Local Stripe (test mode) listening on ${stripe.url}; any sk_test_* key works, e.g. ${stripe.secretKey}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stripe.stop().then(() => process.exit(0));
  });
}
