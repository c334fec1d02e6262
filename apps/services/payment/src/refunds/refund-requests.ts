import { randomUUID } from 'node:crypto';
import { formatCents } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import Stripe from 'stripe';
import type { PaymentDeps } from '../deps';
import { lockIdempotencyKey } from '../ledger/entry-lookup';
import { holdRefund, postRefund, voidRefund } from '../money/refunds';
import { stripeDidNotAnswer } from '../stripe/stripe-outages';

export interface RefundView {
  id: string;
  paymentIntentId: string;
  amountCents: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  failureReason: string | null;
  createdAt: Date;
}

interface RefundPart {
  id: string;
  paymentIntentId: string;
  amountCents: number;
}

/**
 * A brand asks for unspent wallet money back: it is refunded against its deposits, newest first
 * (each part held on the wallet, refunded at Stripe with key `refund:<id>`, then posted or voided).
 */
export async function requestRefund(deps: PaymentDeps, brandId: string, amountCents: number): Promise<{ requestId: string; refunds: RefundView[] }> {
  const requestId = randomUUID();
  const parts = await deps.transaction(async (tx) => {
    await lockIdempotencyKey(tx, `refunds:${brandId}`);
    const deposits = await tx.$queryRawUnsafe<Array<{ paymentIntentId: string; refundable: string }>>(
      `SELECT d."paymentIntentId", (d."amountCents" - d."refundedCents" - COALESCE(x."disputed", 0))::text AS "refundable"
       FROM "deposits" d
       LEFT JOIN (SELECT "paymentIntentId", SUM("amountCents") AS "disputed" FROM "disputes" GROUP BY "paymentIntentId") x
         ON x."paymentIntentId" = d."paymentIntentId"
       WHERE d."brandId" = $1 ORDER BY d."paidAt" DESC, d."invoiceNumber" DESC`,
      brandId,
    );
    const chosen: RefundPart[] = [];
    let left = amountCents;
    for (const deposit of deposits) {
      const refundable = Number(deposit.refundable);
      if (left === 0) break;
      if (refundable <= 0) continue;
      const part = Math.min(left, refundable);
      chosen.push({ id: randomUUID(), paymentIntentId: deposit.paymentIntentId, amountCents: part });
      left -= part;
    }
    if (left > 0) {
      throw new DomainError(
        'precondition_failed',
        'refund_exceeds_deposits',
        `At most ${formatCents(amountCents - left, 'USD')} of your card payments can be refunded.`,
        { refundableCents: amountCents - left },
      );
    }
    const now = deps.now();
    for (const part of chosen) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "refunds" ("id", "requestId", "brandId", "paymentIntentId", "amountCents", "status", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)`,
        part.id,
        requestId,
        brandId,
        part.paymentIntentId,
        part.amountCents,
        now,
      );
      await tx.$executeRawUnsafe(
        `UPDATE "deposits" SET "refundedCents" = "refundedCents" + $2 WHERE "paymentIntentId" = $1`,
        part.paymentIntentId,
        part.amountCents,
      );
      await holdRefund(tx, deps, { refundId: part.id, brandId, amountCents: part.amountCents });
    }
    return chosen;
  });

  for (const part of parts) await refundAtStripe(deps, brandId, part);
  const rows = await deps.db.refund.findMany({ where: { requestId }, orderBy: { createdAt: 'asc' } });
  return { requestId, refunds: rows.map(toRefundView) };
}

async function refundAtStripe(deps: PaymentDeps, brandId: string, part: RefundPart) {
  try {
    const refund = await deps.stripe.refunds.create(
      { payment_intent: part.paymentIntentId, amount: part.amountCents, metadata: { refundId: part.id, brandId } },
      { idempotencyKey: `refund:${part.id}` },
    );
    if (refund.status === 'failed' || refund.status === 'canceled') {
      await returnRefund(deps, part, refund.failure_reason ?? 'The refund failed.');
      return;
    }
    await deps.transaction(async (tx) => {
      await postRefund(tx, deps, { refundId: part.id });
      await tx.$executeRawUnsafe(
        `UPDATE "refunds" SET "status" = 'succeeded', "stripeRefundId" = $2, "updatedAt" = $3 WHERE "id" = $1`,
        part.id,
        refund.id,
        deps.now(),
      );
    });
  } catch (error) {
    if (stripeDidNotAnswer(error)) {
      // Held and pending: the watch job asks again under the same key.
      deps.log.error({ err: error, refundId: part.id }, 'refund not sent yet: Stripe did not answer');
      return;
    }
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    await returnRefund(deps, part, error.message);
  }
}


/** How long a refund may stay unsent before the watch job sends it again. */
const STUCK_AFTER_MS = 60_000;

/** Refunds held but not yet answered by Stripe are sent again (key `refund:<id>`: a second send is the first). */
export async function resendPendingRefunds(deps: PaymentDeps): Promise<number> {
  const pending = await deps.db.refund.findMany({
    where: { status: 'pending', createdAt: { lt: new Date(deps.now().getTime() - STUCK_AFTER_MS) } },
    orderBy: { createdAt: 'asc' },
    take: 100,
  });
  for (const refund of pending) {
    await refundAtStripe(deps, refund.brandId, { id: refund.id, paymentIntentId: refund.paymentIntentId, amountCents: Number(refund.amountCents) });
  }
  return pending.length;
}

async function returnRefund(deps: PaymentDeps, part: RefundPart, reason: string) {
  await deps.transaction(async (tx) => {
    await voidRefund(tx, deps, { refundId: part.id, reason });
    await tx.$executeRawUnsafe(
      `UPDATE "refunds" SET "status" = 'failed', "failureReason" = $2, "updatedAt" = $3 WHERE "id" = $1`,
      part.id,
      reason.slice(0, 500),
      deps.now(),
    );
    await tx.$executeRawUnsafe(
      `UPDATE "deposits" SET "refundedCents" = "refundedCents" - $2 WHERE "paymentIntentId" = $1`,
      part.paymentIntentId,
      part.amountCents,
    );
  });
}

export const toRefundView = (row: {
  id: string;
  paymentIntentId: string;
  amountCents: bigint;
  currency: string;
  status: string;
  failureReason: string | null;
  createdAt: Date;
}): RefundView => ({
  id: row.id,
  paymentIntentId: row.paymentIntentId,
  amountCents: Number(row.amountCents),
  currency: row.currency,
  status: row.status as RefundView['status'],
  failureReason: row.failureReason,
  createdAt: row.createdAt,
});

export async function brandRefunds(deps: PaymentDeps, brandId: string, limit: number): Promise<RefundView[]> {
  const rows = await deps.db.refund.findMany({ where: { brandId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map(toRefundView);
}
