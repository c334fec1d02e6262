import type { AdminActor } from '@gametriggers/events';
import { recordAdminAction } from '@gametriggers/events';
import type { CampaignTx } from '../database';
import type { Campaign } from '../generated/prisma/client';

/** What the audit log keeps of a campaign before and after an administrator's action. */
const auditedState = (campaign: Campaign) => ({
  status: campaign.status,
  budgetCents: campaign.budgetCents,
  remainingBudgetCents: campaign.remainingBudgetCents,
  pausedBy: campaign.pausedBy,
});

/** Records an administrator's action on a campaign, in the transaction that makes it. */
export function recordCampaignAdminAction(
  tx: CampaignTx,
  record: {
    admin: AdminActor;
    action: string;
    before: Campaign;
    after: Campaign;
    reason: string | null;
    now: Date;
  },
) {
  return recordAdminAction(tx, {
    actor: record.admin,
    permission: 'canManageCampaigns',
    action: `campaign.${record.action}`,
    subject: { type: 'campaign', id: record.after.id },
    before: auditedState(record.before),
    after: auditedState(record.after),
    reason: record.reason,
    occurredAt: record.now,
  });
}
