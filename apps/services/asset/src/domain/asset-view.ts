import type { AssetView } from '@gametriggers/contracts';
import type { Asset } from '../generated/prisma/client';

/** What callers see of an asset: store keys stay inside; a private file's URL is never shown. */
export function assetView(asset: Asset): AssetView {
  const shown = asset.access === 'public' && asset.state === 'ready';
  return {
    assetId: asset.id,
    ownerId: asset.ownerId,
    use: asset.use,
    access: asset.access,
    state: asset.state,
    refusalReason: asset.refusalReason,
    name: asset.name,
    kind: asset.kind,
    contentType: asset.contentType,
    sizeBytes: asset.sizeBytes,
    width: asset.width,
    height: asset.height,
    durationMs: asset.durationMs,
    videoCodec: asset.videoCodec,
    url: shown ? asset.url : null,
    renditionUrl: shown ? asset.renditionUrl : null,
    thumbnailUrl: shown ? asset.thumbnailUrl : null,
    createdAt: asset.createdAt,
    checkedAt: asset.checkedAt,
    moderation: asset.moderation,
    moderationReason: asset.moderationReason,
    moderatedAt: asset.moderatedAt,
  };
}
