import type { AssetView } from '@gametriggers/contracts';
import { recordEvent } from '@gametriggers/events';
import type { UserCaller } from '@gametriggers/trpc';
import type { Asset } from '../generated/prisma/client';
import { assetNotFound } from './asset-access';
import { assetView } from './asset-view';
import type { AssetDeps } from './deps';

/** Every key an asset holds at the store: the original and its renditions. */
export function storedKeysOf(asset: Pick<Asset, 'fileKey' | 'renditionKey' | 'thumbnailKey'>): string[] {
  return [asset.fileKey, asset.renditionKey, asset.thumbnailKey].filter((key): key is string => Boolean(key));
}

/**
 * The owner deletes an upload: its files are deleted at the store first (so they stop being served
 * even if the rest fails), then the row is marked. Deleting again changes nothing.
 */
export async function deleteAsset(deps: AssetDeps, caller: UserCaller, assetId: string): Promise<AssetView> {
  const asset = await deps.db.asset.findUnique({ where: { id: assetId } });
  if (!asset || asset.ownerId !== caller.userId) throw assetNotFound();
  if (asset.state === 'deleted') return assetView(asset);
  await deps.store.delete(storedKeysOf(asset));
  return deps.db.$transaction(async (tx) => {
    const deleted = await tx.asset.update({
      where: { id: asset.id },
      data: { state: 'deleted', deletedAt: deps.now() },
    });
    await recordEvent(tx, 'asset.deleted', { assetId: asset.id, ownerId: asset.ownerId, use: asset.use });
    return assetView(deleted);
  });
}
