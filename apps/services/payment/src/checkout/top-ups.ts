import { randomUUID } from 'node:crypto';
import { ledgerCurrencySchema } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import type Stripe from 'stripe';
import type { PaymentSql } from '../database';
import type { PaymentDeps } from '../deps';
import { nextDocumentNumber } from '../invoices/invoice-numbers';
import { lockIdempotencyKey } from '../ledger/entry-lookup';
import { creditDeposit } from '../money/deposits';
import { brandOfCustomer, customerOfBrand } from './customers';

export const INVOICE_SERIES = 'invoice';

const LEDGER_CURRENCIES = new Set<string>(ledgerCurrencySchema.options);

/** A top-up paid by card on Stripe's hosted Checkout page: returns where to send the brand. */
export async function createTopUp(
  deps: PaymentDeps,
  brandId: string,
  input: { amountCents: number; saveCard: boolean },
): Promise<{ topUpId: string; url: string }> {
  const customer = await customerOfBrand(deps, brandId);
  const topUpId = randomUUID();
  const metadata = { brandId, topUpId, source: 'checkout' };
  const session = await deps.stripe.checkout.sessions.create(
    {
      mode: 'payment',
      customer,
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'usd', unit_amount: input.amountCents, product_data: { name: 'Gametriggers wallet top-up' } },
        },
      ],
      payment_intent_data: { metadata, ...(input.saveCard ? { setup_future_usage: 'off_session' as const } : {}) },
      metadata,
      success_url: `${deps.flows.brandPortalUrl}/billing?topUp=paid&session={CHECKOUT_SESSION_ID}`,
      cancel_url: `${deps.flows.brandPortalUrl}/billing?topUp=cancelled`,
    },
    { idempotencyKey: `topup:${topUpId}` },
  );
  if (!session.url) throw new Error(`Checkout session ${session.id} came back without a URL`);
  // Recorded once Stripe has the session: a top-up Stripe refused leaves nothing behind.
  await deps.db.topUp.create({
    data: {
      id: topUpId,
      brandId,
      amountCents: BigInt(input.amountCents),
      saveCard: input.saveCard,
      checkoutSessionId: session.id,
      createdAt: deps.now(),
    },
  });
  return { topUpId, url: session.url };
}

export interface PaidTopUp {
  brandId: string;
  paymentIntentId: string;
  amountCents: number;
  currency: string;
  source: 'checkout' | 'auto_top_up';
}

/**
 * A succeeded PaymentIntent of ours, read back from Stripe (the event's copy may be stale), or null
 * when it is not a top-up or has not succeeded.
 */
export async function paidTopUpOf(deps: PaymentDeps, paymentIntentId: string): Promise<PaidTopUp | null> {
  const intent = await deps.stripe.paymentIntents.retrieve(paymentIntentId);
  if (intent.status !== 'succeeded') return null;
  // Wallets are in the ledger's currencies only; anything else is left to reconciliation to report.
  if (!LEDGER_CURRENCIES.has(intent.currency.toUpperCase())) {
    deps.log.warn({ paymentIntentId, currency: intent.currency }, 'a payment in a currency the ledger does not keep');
    return null;
  }
  const brandId = intent.metadata.brandId ?? (await brandOfCustomer(deps, customerIdOf(intent.customer)));
  if (!brandId) return null;
  return {
    brandId,
    paymentIntentId: intent.id,
    amountCents: intent.amount_received || intent.amount,
    currency: intent.currency.toUpperCase(),
    source: intent.metadata.source === 'auto_top_up' ? 'auto_top_up' : 'checkout',
  };
}

export const customerIdOf = (customer: string | Stripe.Customer | Stripe.DeletedCustomer | null) =>
  typeof customer === 'string' ? customer : (customer?.id ?? null);

/**
 * Credits a paid top-up once, however often and in whatever order Stripe reports it: the wallet
 * (ledger key `deposit:<payment intent>`) and the deposit row with the next invoice number, in the
 * caller's transaction.
 */
export async function recordPaidTopUp(tx: PaymentSql, deps: PaymentDeps, paid: PaidTopUp): Promise<{ invoiceNumber: number; credited: boolean }> {
  await lockIdempotencyKey(tx, `deposit:${paid.paymentIntentId}`);
  const earlier = await tx.$queryRawUnsafe<Array<{ invoiceNumber: number }>>(
    `SELECT "invoiceNumber" FROM "deposits" WHERE "paymentIntentId" = $1`,
    paid.paymentIntentId,
  );
  if (earlier[0]) return { invoiceNumber: Number(earlier[0].invoiceNumber), credited: false };
  await creditDeposit(tx, deps, {
    brandId: paid.brandId,
    amountCents: paid.amountCents,
    currency: paid.currency,
    paymentIntentId: paid.paymentIntentId,
    cause: { source: paid.source },
  });
  const invoiceNumber = await nextDocumentNumber(tx, INVOICE_SERIES);
  await tx.$executeRawUnsafe(
    `INSERT INTO "deposits" ("paymentIntentId", "brandId", "amountCents", "currency", "invoiceNumber", "source", "paidAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    paid.paymentIntentId,
    paid.brandId,
    paid.amountCents,
    paid.currency,
    invoiceNumber,
    paid.source,
    deps.now(),
  );
  return { invoiceNumber, credited: true };
}

/**
 * A payment that did not go through, kept for the brand's billing page, and told to the brand
 * (`payment.topup_failed`), once per Stripe event.
 */
export async function recordPaymentFailure(
  tx: PaymentSql,
  failure: {
    eventId: string;
    brandId: string;
    paymentIntentId: string;
    amountCents: number;
    currency: string;
    source: PaidTopUp['source'];
    code: string;
    message: string;
    failedAt: Date;
  },
) {
  const recorded = await tx.$executeRawUnsafe(
    `INSERT INTO "payment_failures" ("eventId", "brandId", "paymentIntentId", "amountCents", "code", "message", "failedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ("eventId") DO NOTHING`,
    failure.eventId,
    failure.brandId,
    failure.paymentIntentId,
    failure.amountCents,
    failure.code.slice(0, 100),
    failure.message.slice(0, 500),
    failure.failedAt,
  );
  if (recorded === 0) return;
  await recordEvent(tx, 'payment.topup_failed', {
    brandId: failure.brandId,
    paymentIntentId: failure.paymentIntentId,
    amountCents: failure.amountCents,
    currency: failure.currency,
    source: failure.source,
    code: failure.code.slice(0, 100),
    reason: failure.message.slice(0, 500),
  });
}
