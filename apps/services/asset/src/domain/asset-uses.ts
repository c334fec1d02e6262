import { assetUseFiles } from '@gametriggers/contracts';
import type { AssetKind, AssetUse } from '@gametriggers/contracts';

export interface MediaBounds {
  minWidth: number;
  minHeight: number;
  maxWidth: number;
  maxHeight: number;
}

/** What one use accepts: who uploads, who may read, which types (by their bytes; `assetUseFiles` of the contracts) and how big. */
export interface AssetUseRules {
  access: 'public' | 'private';
  uploaderRole: 'brand' | 'streamer';
  /** Shown to the public (on stream), so an admin approves it first; documents are seen by reviewers only. */
  moderated: boolean;
  /** Content types the bytes may turn out to be, with their kind. */
  contentTypes: Readonly<Record<string, AssetKind>>;
  /** Per kind; the upload route's claimed-size limits are the same numbers. */
  maxBytes: Partial<Record<AssetKind, number>>;
  image?: MediaBounds;
  video?: MediaBounds & { maxDurationMs: number; codecs: readonly string[] };
}

/**
 * The rules per use. Creatives go on stream in the overlay (public, up to 4K, short clips); documents
 * are for the reviewing admins only (private).
 */
export const assetUseRules: Readonly<Record<AssetUse, AssetUseRules>> = {
  campaignCreative: {
    access: 'public',
    uploaderRole: 'brand',
    moderated: true,
    ...assetUseFiles.campaignCreative,
    image: { minWidth: 16, minHeight: 16, maxWidth: 3840, maxHeight: 2160 },
    video: {
      minWidth: 16,
      minHeight: 16,
      maxWidth: 3840,
      maxHeight: 2160,
      maxDurationMs: 60_000,
      codecs: ['h264', 'hevc', 'vp8', 'vp9', 'av1'],
    },
  },
  verificationDocument: {
    access: 'private',
    uploaderRole: 'brand',
    moderated: false,
    ...assetUseFiles.verificationDocument,
    image: { minWidth: 16, minHeight: 16, maxWidth: 10_000, maxHeight: 10_000 },
  },
  kycDocument: {
    access: 'private',
    uploaderRole: 'streamer',
    moderated: false,
    ...assetUseFiles.kycDocument,
    image: { minWidth: 16, minHeight: 16, maxWidth: 10_000, maxHeight: 10_000 },
  },
};

/** The kind a claimed content type names (`image/png` → image), if any. */
export function claimedKindOf(claimedType: string): AssetKind | undefined {
  if (claimedType.startsWith('image/')) return 'image';
  if (claimedType.startsWith('video/')) return 'video';
  if (claimedType === 'application/pdf') return 'document';
  return undefined;
}

/** The largest file any kind of this use may be: more than this is never downloaded for checking. */
export function largestAllowedBytes(rules: AssetUseRules): number {
  return Math.max(...Object.values(rules.maxBytes));
}
