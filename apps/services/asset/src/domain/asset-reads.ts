import type { AssetModerationState, AssetState, AssetUse, AssetView, Page } from '@gametriggers/contracts';
import { newestFirstCursor } from '@gametriggers/contracts';
import type { UserCaller } from '@gametriggers/trpc';
import { DomainError } from '@gametriggers/trpc';
import type { Prisma } from '../generated/prisma/client';
import { readableAsset } from './asset-access';
import { assetView } from './asset-view';
import type { AssetDeps } from './deps';

/** How long a signed URL serves a file: long enough to open it, short enough not to be passed around. */
export const SIGNED_URL_SECONDS = 5 * 60;

const newestFirst = newestFirstCursor('assets.newest');

export async function getAsset(deps: AssetDeps, caller: UserCaller, assetId: string): Promise<AssetView> {
  return assetView(await readableAsset(deps, caller, assetId));
}

export interface MyAssetsQuery {
  use?: AssetUse;
  state?: AssetState;
  moderation?: AssetModerationState[];
  cursor?: string;
  limit: number;
}

/** The caller's own uploads, newest first; deleted ones only when asked for by state; by moderation state when asked. */
export async function listMyAssets(deps: AssetDeps, caller: UserCaller, query: MyAssetsQuery): Promise<Page<AssetView>> {
  const where: Prisma.AssetWhereInput = {
    ownerId: caller.userId,
    ...(query.use ? { use: query.use } : {}),
    state: query.state ?? { not: 'deleted' },
    ...(query.moderation ? { moderation: { in: query.moderation } } : {}),
    ...newestFirst.rowsAfter(query.cursor),
  };
  const rows = await deps.db.asset.findMany({ where, orderBy: newestFirst.orderBy(), take: query.limit + 1 });
  return newestFirst.pageOf(rows, query.limit, assetView);
}

/** A short-lived URL to the file for someone who may see it (its owner, a reviewing admin). */
export async function signedAssetUrl(
  deps: AssetDeps,
  caller: UserCaller,
  assetId: string,
): Promise<{ url: string; expiresAt: Date }> {
  const asset = await readableAsset(deps, caller, assetId);
  if (asset.state !== 'ready') {
    throw new DomainError(
      'precondition_failed',
      'asset_not_ready',
      asset.state === 'checking' ? 'The file is still being checked. Try again in a moment.' : 'This file is not available.',
    );
  }
  const url = await deps.store.signedUrl(asset.fileKey, SIGNED_URL_SECONDS);
  return { url, expiresAt: new Date(deps.now().getTime() + SIGNED_URL_SECONDS * 1000) };
}
