import type { AssetUse } from '@gametriggers/contracts';
import { assetUseRules } from '../domain/asset-uses';
import type { AssetDeps } from '../domain/deps';

/** What the store reported of one finished upload, with the uploader the route's middleware found. */
export interface UploadedFile {
  use: AssetUse;
  ownerId: string;
  key: string;
  url: string;
  name: string;
  size: number;
  claimedType: string;
}

/**
 * Records an upload as `checking` (once per store key: a repeated callback finds the same asset) and
 * queues its check. Nothing can use it until the check marks it `ready`.
 */
export async function recordUpload(
  deps: AssetDeps,
  enqueueCheck: (assetId: string) => Promise<void>,
  file: UploadedFile,
): Promise<{ assetId: string }> {
  const asset = await deps.db.asset.upsert({
    where: { fileKey: file.key },
    update: {},
    create: {
      ownerId: file.ownerId,
      use: file.use,
      access: assetUseRules[file.use].access,
      fileKey: file.key,
      url: file.url,
      name: file.name.slice(0, 255),
      claimedType: file.claimedType.slice(0, 120),
      sizeBytes: file.size,
      createdAt: deps.now(),
    },
  });
  await enqueueCheck(asset.id);
  return { assetId: asset.id };
}
