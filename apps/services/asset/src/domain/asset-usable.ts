import type { AssertAssetUsableInput, AssetView } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import type { Asset } from '../generated/prisma/client';
import { assetNotFound } from './asset-access';
import { assetView } from './asset-view';
import type { AssetDeps } from './deps';

/** Moderation's word on an asset that is otherwise usable: rejected refuses it, anything but approved too when asked. */
function assertModerationAllows(asset: Asset, approvedRequired: boolean): void {
  if (asset.moderation === 'rejected') {
    throw new DomainError(
      'precondition_failed',
      'asset_rejected',
      `The creative was rejected by moderation: ${asset.moderationReason ?? 'no reason given'}`,
      { moderationReason: asset.moderationReason },
    );
  }
  if (approvedRequired && asset.moderation === 'pending') {
    throw new DomainError('precondition_failed', 'asset_not_approved', 'The creative is waiting for moderation.');
  }
}

/**
 * For another service about to attach an asset (a campaign its creative): it must be this owner's,
 * for this use, ready and not rejected by moderation; with `approved`, approved too (a document,
 * which needs no moderation, passes). Someone else's asset is "not found", never "not yours".
 */
export async function assertAssetUsable(
  deps: AssetDeps,
  query: Required<AssertAssetUsableInput>,
): Promise<AssetView> {
  const asset = await deps.db.asset.findUnique({ where: { id: query.assetId } });
  if (!asset || asset.ownerId !== query.ownerId || asset.state === 'deleted') throw assetNotFound();
  if (asset.use !== query.use) {
    throw new DomainError('precondition_failed', 'asset_wrong_use', `This file was uploaded as a ${asset.use}, not a ${query.use}.`);
  }
  if (asset.state === 'checking') {
    throw new DomainError('precondition_failed', 'asset_not_ready', 'The file is still being checked.');
  }
  if (asset.state === 'refused') {
    throw new DomainError('precondition_failed', 'asset_refused', `The file was refused: ${asset.refusalReason ?? 'no reason given'}`);
  }
  assertModerationAllows(asset, query.approved);
  return assetView(asset);
}
