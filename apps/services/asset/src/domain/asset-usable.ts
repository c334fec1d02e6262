import type { AssetUse, AssetView } from '@gametriggers/contracts';
import { DomainError } from '@gametriggers/trpc';
import { assetNotFound } from './asset-access';
import { assetView } from './asset-view';
import type { AssetDeps } from './deps';

/**
 * For another service about to attach an asset (a campaign its creative): it must be this owner's,
 * for this use, and ready. Someone else's asset is "not found", never "not yours".
 */
export async function assertAssetUsable(
  deps: AssetDeps,
  query: { assetId: string; ownerId: string; use: AssetUse },
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
  return assetView(asset);
}
