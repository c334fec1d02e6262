import type Stripe from 'stripe';
import type { PaymentSql } from '../database';
import type { PaymentDeps } from '../deps';
import { accounts } from '../ledger/chart-of-accounts';
import { postEntry } from '../ledger/post-entries';

/**
 * `refund.failed` after Stripe first said it succeeded (the card issuer sent the money back): the
 * amount returns to the brand's wallet (clearing → wallet, key `refund:<id>:returned`) and the
 * deposit can be refunded again. Once per refund.
 */
export async function returnFailedRefund(tx: PaymentSql, deps: PaymentDeps, refund: Stripe.Refund): Promise<void> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; brandId: string; paymentIntentId: string; amountCents: string; currency: string }>>(
    `UPDATE "refunds" SET "status" = 'failed', "failureReason" = $2, "updatedAt" = $3
     WHERE "stripeRefundId" = $1 AND "status" = 'succeeded'
     RETURNING "id", "brandId", "paymentIntentId", "amountCents"::text, "currency"`,
    refund.id,
    `The refund failed: ${refund.failure_reason ?? 'returned by the bank'}`.slice(0, 500),
    deps.now(),
  );
  const returned = rows[0];
  if (!returned) return;
  const amount = BigInt(returned.amountCents);
  await postEntry(
    tx,
    {
      idempotencyKey: `refund:${returned.id}:returned`,
      kind: 'refund',
      cause: { refundId: returned.id, brandId: returned.brandId, stripeRefundId: refund.id, reason: 'refund_failed' },
      postings: [
        { account: accounts.clearing(returned.currency), direction: 'debit', amount },
        { account: accounts.brandWallet(returned.brandId, returned.currency), direction: 'credit', amount },
      ],
    },
    deps.now(),
  );
  await tx.$executeRawUnsafe(
    `UPDATE "deposits" SET "refundedCents" = "refundedCents" - $2 WHERE "paymentIntentId" = $1`,
    returned.paymentIntentId,
    returned.amountCents,
  );
}
