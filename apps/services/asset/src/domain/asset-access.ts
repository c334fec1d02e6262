import type { AssetUse } from '@gametriggers/contracts';
import type { AdminPermission } from '@gametriggers/tokens';
import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { Asset } from '../generated/prisma/client';
import type { AssetDeps } from './deps';

/** The admin permission that opens a private document: the one its review needs. */
const reviewPermission: Readonly<Record<AssetUse, AdminPermission | undefined>> = {
  campaignCreative: undefined,
  verificationDocument: 'canVerifyBrands',
  kycDocument: 'canVerifyStreamers',
};

export const assetNotFound = () =>
  new DomainError('not_found', 'asset_not_found', 'There is no such file.');

/** A ready public asset that moderation let through (a creative still pending or rejected is not shown to others). */
const isPubliclyShown = (asset: Asset) =>
  asset.access === 'public' &&
  asset.state === 'ready' &&
  (asset.moderation === 'approved' || asset.moderation === 'notRequired');

/**
 * Who may see an asset: its owner; an admin (a private document only with the permission its review
 * needs); anyone signed in for a ready public one moderation approved. Others hear "not found"
 * whether or not it exists, so ids cannot be probed.
 */
export function assertMayReadAsset(caller: UserCaller, asset: Asset): void {
  if (caller.userId === asset.ownerId) return;
  if (asset.state === 'deleted') throw assetNotFound();
  if (caller.role === 'admin') {
    const permission = asset.access === 'private' ? reviewPermission[asset.use] : undefined;
    if (permission && !caller.permissions.has(permission)) {
      throw new DomainError('forbidden', 'permission_required', `This needs the ${permission} admin permission.`);
    }
    return;
  }
  if (isPubliclyShown(asset)) return;
  throw assetNotFound();
}

/** Loads an asset the caller may see, or throws as `assertMayReadAsset` does. */
export async function readableAsset(deps: AssetDeps, caller: UserCaller, assetId: string): Promise<Asset> {
  const asset = await deps.db.asset.findUnique({ where: { id: assetId } });
  if (!asset) throw assetNotFound();
  assertMayReadAsset(caller, asset);
  return asset;
}
