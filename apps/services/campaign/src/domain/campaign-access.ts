import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { CampaignDb, CampaignTx } from '../database';
import type { Campaign } from '../generated/prisma/client';

/** Who manages a campaign: its brand, or an admin holding `canManageCampaigns`. */
export type CampaignManager =
  { kind: 'brand'; brandId: string } | { kind: 'admin'; adminId: string };

export function managerOf(caller: UserCaller): CampaignManager {
  if (caller.role === 'brand') return { kind: 'brand', brandId: caller.userId };
  if (caller.role === 'admin' && caller.permissions.has('canManageCampaigns')) {
    return { kind: 'admin', adminId: caller.userId };
  }
  throw new DomainError(
    'forbidden',
    'not_campaign_manager',
    caller.role === 'admin'
      ? 'This needs the canManageCampaigns admin permission.'
      : 'Only the brand running this campaign or an administrator can do this.',
  );
}

export const campaignNotFound = () =>
  new DomainError('not_found', 'campaign_not_found', 'There is no such campaign.');

/** Another brand's campaign is reported exactly like a missing one. */
export function assertManages(campaign: Campaign | null, manager: CampaignManager): Campaign {
  if (!campaign) throw campaignNotFound();
  if (manager.kind === 'brand' && campaign.brandId !== manager.brandId) throw campaignNotFound();
  return campaign;
}

export async function findManagedCampaign(
  db: CampaignDb,
  campaignId: string,
  manager: CampaignManager,
) {
  return assertManages(await db.campaign.findUnique({ where: { id: campaignId } }), manager);
}

/** Locks the row for the rest of the transaction, so concurrent changes apply one after the other. */
export async function lockCampaign(tx: CampaignTx, campaignId: string): Promise<Campaign | null> {
  await tx.$executeRaw`SELECT 1 FROM "campaigns" WHERE "id" = ${campaignId}::uuid FOR UPDATE`;
  return tx.campaign.findUnique({ where: { id: campaignId } });
}

export async function lockManagedCampaign(
  tx: CampaignTx,
  campaignId: string,
  manager: CampaignManager,
) {
  return assertManages(await lockCampaign(tx, campaignId), manager);
}
