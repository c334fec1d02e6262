import { z } from 'zod';

const optionalText = z.string().trim().min(1).optional();

/** The payment service's Stripe settings and the limits of the flows that talk to Stripe. */
export const stripeEnvShape = {
  STRIPE_SECRET_KEY: z.string().regex(/^sk_(test|live)_/, 'must be a Stripe secret key (sk_test_… or sk_live_…)'),
  /** The local Stripe in development and tests; unset in production (api.stripe.com). */
  STRIPE_API_HOST: optionalText,
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
  /** Signing secrets of the platform and Connect webhook endpoints (`whsec_…`). */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  /**
   * Without signing secrets, outside production: the public base URL the service registers its own
   * webhook endpoints at on the (local) Stripe at boot (default: its own URL).
   */
  STRIPE_WEBHOOK_BASE_URL: z.url().optional(),
  BRAND_PORTAL_URL: z.url().default('http://localhost:3001'),
  STREAMER_PORTAL_URL: z.url().default('http://localhost:3002'),
  /** A wallet below this (cents) raises `payment.wallet_low` when auto top-up is off. */
  LOW_BALANCE_ALERT_CENTS: z.coerce.number().int().nonnegative().default(5_000),
  /** How often auto top-ups and low-balance alerts look at the wallets, and withdrawals and refunds Stripe did not answer for are sent again. */
  WALLET_WATCH_EVERY_MS: z.coerce.number().int().positive().default(30_000),
  /** How often the reconciliation job compares the ledger with Stripe. */
  RECONCILE_EVERY_MS: z.coerce.number().int().positive().default(3_600_000),
  /** The company on invoices and statements. */
  INVOICE_ISSUER_NAME: z.string().default('Gametriggers Inc.'),
  INVOICE_ISSUER_ADDRESS: z.string().default('548 Market St, San Francisco, CA 94104, US'),
  /** The brand service, for billing details on invoices. */
  BRAND_SERVICE_URL: z.url().default('http://127.0.0.1:4102'),
};

export type StripeEnv = z.infer<z.ZodObject<typeof stripeEnvShape>>;
