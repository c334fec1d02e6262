import type { EventPayload } from '@gametriggers/events';
import { recordEvent } from '@gametriggers/events';
import type { Asset } from '../generated/prisma/client';
import type { StoredFile } from '../store/asset-store';
import { storedKeysOf } from '../domain/asset-deletion';
import { assetUseRules, largestAllowedBytes } from '../domain/asset-uses';
import { assetView } from '../domain/asset-view';
import type { AssetDeps } from '../domain/deps';
import { checkBytes } from './check-bytes';
import type { CheckOutcome, ImageRenditions, MediaFacts } from './check-outcome';
import { describeBytes, refused } from './check-outcome';

export interface CheckDeps extends AssetDeps {
  ffprobePath: string;
}

/**
 * The check after an upload: reads the bytes back from the store, judges them, stores an image's
 * renditions, then marks the asset `ready` or `refused` (deleting everything it stored). Safe to run
 * again: only an asset still `checking` is touched.
 */
export async function checkUploadedAsset(deps: CheckDeps, assetId: string): Promise<void> {
  const asset = await deps.db.asset.findUnique({ where: { id: assetId } });
  if (asset?.state !== 'checking') return;
  const rules = assetUseRules[asset.use];
  const limit = largestAllowedBytes(rules);
  const bytes = await deps.store.readBytes({ key: asset.fileKey, url: asset.url, access: asset.access }, limit);
  const outcome: CheckOutcome =
    bytes === 'too_large'
      ? refused(`The file is larger than ${describeBytes(limit)}, the most accepted here.`)
      : await checkBytes(bytes, asset.claimedType, rules, deps.ffprobePath);

  if (outcome.verdict === 'refused') {
    await deps.store.delete([asset.fileKey]);
    await deps.db.$transaction(async (tx) => {
      const marked = await tx.asset.updateMany({
        where: { id: asset.id, state: 'checking' },
        data: { state: 'refused', refusalReason: outcome.reason, checkedAt: deps.now() },
      });
      if (marked.count === 1) {
        await recordEvent(tx, 'asset.refused', { assetId: asset.id, ownerId: asset.ownerId, use: asset.use, reason: outcome.reason });
      }
    });
    return;
  }

  const stored = outcome.renditions ? await storeRenditions(deps, asset.name, outcome.renditions, asset.access) : undefined;
  const ready = {
    state: 'ready',
    checkedAt: deps.now(),
    // Creatives wait for the moderation queue (the admin service hears `asset.ready`).
    moderation: rules.moderated ? 'pending' : 'notRequired',
    ...factColumns(outcome.facts),
    ...renditionColumns(stored),
  } as const;
  const marked = await deps.db.$transaction(async (tx) => {
    const result = await tx.asset.updateMany({ where: { id: asset.id, state: 'checking' }, data: ready });
    if (result.count === 1) await recordEvent(tx, 'asset.ready', readyEventOf({ ...asset, ...ready }));
    return result.count === 1;
  });
  // Deleted by its owner while being checked: what was just stored must not outlive it.
  if (!marked && stored) await deps.store.delete(storedKeysOf({ fileKey: stored.rendition.key, renditionKey: null, thumbnailKey: stored.thumbnail.key }));
}

async function storeRenditions(
  deps: CheckDeps,
  originalName: string,
  renditions: ImageRenditions,
  access: 'public' | 'private',
): Promise<{ rendition: StoredFile; thumbnail: StoredFile }> {
  const base = originalName.replace(/\.[^.]*$/, '') || 'image';
  const [rendition, thumbnail] = await deps.store.upload(
    [
      { name: `${base}.webp`, bytes: renditions.rendition },
      { name: `${base}-thumbnail.webp`, bytes: renditions.thumbnail },
    ],
    access,
  );
  if (!rendition || !thumbnail) throw new Error('The store did not keep both renditions');
  return { rendition, thumbnail };
}

/** `asset.ready`: what the asset is and shows (URLs as its view shows them: only for a public file), for the moderation queue. */
function readyEventOf(
  asset: Asset & ReturnType<typeof factColumns> & { checkedAt: Date },
): EventPayload<'asset.ready'> {
  const { assetId, ownerId, use, name, sizeBytes, width, height, durationMs, url, renditionUrl, thumbnailUrl } = assetView(asset);
  const { kind, contentType } = asset;
  const checkedAt = asset.checkedAt.toISOString();
  return { assetId, ownerId, use, kind, name, contentType, sizeBytes, width, height, durationMs, url, renditionUrl, thumbnailUrl, checkedAt };
}

function factColumns(facts: MediaFacts) {
  return {
    kind: facts.kind,
    contentType: facts.contentType,
    width: facts.width,
    height: facts.height,
    durationMs: facts.durationMs,
    videoCodec: facts.videoCodec,
  };
}

function renditionColumns(stored: { rendition: StoredFile; thumbnail: StoredFile } | undefined) {
  if (!stored) return {};
  return {
    renditionKey: stored.rendition.key,
    renditionUrl: stored.rendition.url,
    thumbnailKey: stored.thumbnail.key,
    thumbnailUrl: stored.thumbnail.url,
  };
}
