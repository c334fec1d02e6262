import type { PaymentSql } from '../database';

/**
 * Claims a Stripe event for this transaction: true the first time, false when it was already
 * applied. A concurrent delivery of the same event waits here until the first one commits (then
 * skips) or rolls back (then applies it itself).
 */
export async function claimStripeEvent(
  tx: PaymentSql,
  event: { id: string; type: string; account?: string | null },
  now: Date,
): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(
    `INSERT INTO "stripe_events" ("id", "type", "account", "processedAt") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("id") DO NOTHING RETURNING "id"`,
    event.id,
    event.type,
    event.account ?? null,
    now,
  );
  return rows.length === 1;
}
