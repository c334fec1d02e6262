import type Stripe from 'stripe';
import type { PaymentSql } from '../database';
import type { PaymentDeps } from '../deps';
import { closeDispute, holdDispute } from '../money/disputes';

const CLOSED_OUTCOMES = ['won', 'lost'] as const;

const paymentIntentOf = (dispute: Stripe.Dispute) =>
  typeof dispute.payment_intent === 'string' ? dispute.payment_intent : (dispute.payment_intent?.id ?? null);

/**
 * Applies Stripe's current view of a dispute (re-read, so a late `created` after a `closed` does
 * the same as the right order): the disputed amount is held; won releases it, lost debits it.
 */
export async function applyDisputeState(tx: PaymentSql, deps: PaymentDeps, dispute: Stripe.Dispute): Promise<void> {
  const paymentIntentId = paymentIntentOf(dispute);
  if (!paymentIntentId) return;
  const deposits = await tx.$queryRawUnsafe<Array<{ brandId: string; currency: string }>>(
    `SELECT "brandId", "currency" FROM "deposits" WHERE "paymentIntentId" = $1`,
    paymentIntentId,
  );
  const deposit = deposits[0];
  if (!deposit) return;
  const { heldCents } = await holdDispute(tx, deps, {
    disputeId: dispute.id,
    brandId: deposit.brandId,
    amountCents: dispute.amount,
    currency: deposit.currency,
  });
  const now = deps.now();
  await tx.$executeRawUnsafe(
    `INSERT INTO "disputes" ("id", "brandId", "paymentIntentId", "amountCents", "heldCents", "currency", "status", "openedAt")
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7) ON CONFLICT ("id") DO NOTHING`,
    dispute.id,
    deposit.brandId,
    paymentIntentId,
    dispute.amount,
    heldCents,
    deposit.currency,
    now,
  );
  const outcome = CLOSED_OUTCOMES.find((closed) => closed === dispute.status);
  if (!outcome) return;
  await closeDispute(tx, deps, { disputeId: dispute.id, brandId: deposit.brandId, outcome, currency: deposit.currency });
  await tx.$executeRawUnsafe(
    `UPDATE "disputes" SET "status" = $2, "closedAt" = COALESCE("closedAt", $3) WHERE "id" = $1`,
    dispute.id,
    outcome,
    now,
  );
}
