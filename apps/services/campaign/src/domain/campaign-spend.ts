import type { EventEnvelope, SqlExecutor } from '@gametriggers/events';

/**
 * The payment ledger charged the campaign: what is left of its budget is what the ledger has not
 * spent. `spentCents` only grows, so a late or replayed event (a smaller total) changes nothing.
 * The completion sweep then completes a campaign whose remaining budget cannot pay for more.
 */
export async function recordCampaignSpend(
  event: EventEnvelope<'payment.campaign_charged'>,
  tx: SqlExecutor,
) {
  await tx.$executeRawUnsafe(
    `UPDATE "campaigns"
     SET "spentCents" = $2, "remainingBudgetCents" = "budgetCents" - $2, "updatedAt" = now()
     WHERE "id" = $1::uuid AND "spentCents" < $2`,
    event.payload.campaignId,
    event.payload.spentCents,
  );
}
