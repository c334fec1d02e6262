import { recordEvent } from '@gametriggers/events';
import type { PaymentDeps } from '../deps';
import { topUpIfBelowThreshold } from './auto-top-up';

/**
 * After charges and reservations: brands with auto top-up below their threshold are topped up;
 * others below the low-balance line are told once per dip (`payment.wallet_low`, `low_balance`).
 */
export async function watchWallets(deps: PaymentDeps): Promise<void> {
  const due = await deps.db.$queryRawUnsafe<Array<{ brandId: string }>>(
    `SELECT t."brandId"::text AS "brandId" FROM "auto_top_ups" t
     JOIN "ledger_accounts" a ON a."code" = 'brand:' || t."brandId" || ':wallet:USD'
     WHERE t."enabled" AND a."postedCredits" - a."postedDebits" - a."pendingDebits" < t."thresholdCents"`,
  );
  for (const { brandId } of due) {
    try {
      await topUpIfBelowThreshold(deps, brandId);
    } catch (error) {
      deps.log.error({ err: error, brandId }, 'auto top-up failed');
    }
  }
  await alertLowBalances(deps);
}

async function alertLowBalances(deps: PaymentDeps) {
  await deps.transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `DELETE FROM "low_balance_alerts" l USING "ledger_accounts" a
       WHERE a."code" = 'brand:' || l."brandId" || ':wallet:USD'
         AND a."postedCredits" - a."postedDebits" - a."pendingDebits" >= $1`,
      deps.flows.lowBalanceAlertCents,
    );
    const newlyLow = await tx.$queryRawUnsafe<Array<{ brandId: string; available: string }>>(
      `INSERT INTO "low_balance_alerts" ("brandId", "alertedAt")
       SELECT a."ownerId", $2 FROM "ledger_accounts" a
       WHERE a."kind" = 'brand_wallet' AND a."currency" = 'USD' AND a."postedCredits" > 0
         AND a."postedCredits" - a."postedDebits" - a."pendingDebits" < $1
         AND NOT EXISTS (SELECT 1 FROM "auto_top_ups" t WHERE t."brandId" = a."ownerId" AND t."enabled")
       ON CONFLICT ("brandId") DO NOTHING
       RETURNING "brandId"::text AS "brandId",
         (SELECT (b."postedCredits" - b."postedDebits" - b."pendingDebits")::text FROM "ledger_accounts" b
          WHERE b."code" = 'brand:' || "low_balance_alerts"."brandId" || ':wallet:USD') AS "available"`,
      deps.flows.lowBalanceAlertCents,
      deps.now(),
    );
    for (const { brandId, available } of newlyLow) {
      await recordEvent(tx, 'payment.wallet_low', { brandId, availableCents: Number(available), currency: 'USD', reason: 'low_balance' });
    }
  });
}
