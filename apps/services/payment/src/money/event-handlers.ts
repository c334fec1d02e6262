import type { EventHandlers } from '@gametriggers/events';
import type { PaymentSql } from '../database';
import type { MoneyContext } from './money-context';
import { releaseCampaignEscrow } from './campaign-settlement';
import { queueCountedHour } from './counted-hours-inbox';

/**
 * The payment service's consumers. The events kit runs each in the transaction that records the
 * event id, opened by this service's own runner, whose client answers queries too.
 */
export function paymentEventHandlers(context: MoneyContext): EventHandlers {
  const sql = (tx: unknown) => tx as PaymentSql;
  return {
    'config.changed': (event) => context.platformConfig.onConfigChanged(event),
    // Queued here, charged in batches by the hour charger (jobs/hour-charger.ts).
    'analytics.participation_hour_counted': (event, tx) =>
      queueCountedHour(sql(tx), context, event.payload),
    'campaign.completed': (event, tx) =>
      releaseCampaignEscrow(sql(tx), context, {
        campaignId: event.payload.campaignId,
        reason: 'completed',
      }),
    'campaign.cancelled': (event, tx) =>
      releaseCampaignEscrow(sql(tx), context, {
        campaignId: event.payload.campaignId,
        reason: 'cancelled',
      }),
    'campaign.rejected': (event, tx) =>
      releaseCampaignEscrow(sql(tx), context, {
        campaignId: event.payload.campaignId,
        reason: 'rejected',
      }),
  };
}
