import type { Logger } from '@gametriggers/trpc';
import type { PaymentDb, PaymentTransactionRunner } from './database';
import type { MoneyContext } from './money/money-context';
import type { FlowSettings } from './stripe/flow-settings';
import type { StripeClient } from './stripe/stripe-client';

/** What the payment service's procedures, consumers and jobs work with. */
export interface PaymentDeps extends MoneyContext {
  /** Prisma, for reads. */
  db: PaymentDb;
  /** One transaction on the service's pool, for money operations. */
  transaction: PaymentTransactionRunner;
  log: Logger;
  /** The official SDK (the local Stripe in development and tests). */
  stripe: StripeClient;
  flows: FlowSettings;
}
