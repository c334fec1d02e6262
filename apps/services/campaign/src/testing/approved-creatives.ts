import type { AssetLibrary, CreativeAsset, CreativeRefusalReason } from '../clients/asset-library';
import { creativeRefusal } from '../clients/asset-library';

/** Where the stand-in says its creatives are served. */
export const STAND_IN_CREATIVE_HOST = 'https://ufs.example.test';

/**
 * A stand-in for the asset service in tests that are not about uploads: any asset id is one of the
 * brand's approved images, served at `https://ufs.example.test/creatives/<id>.webp`. A test can make
 * one a video, or have it refused as the asset service would (`refuse(assetId, 'asset_not_approved')`).
 */
export function approvedCreatives() {
  const videos = new Set<string>();
  const refused = new Map<string, CreativeRefusalReason>();
  const asked: Array<{ assetId: string; brandId: string; approved: boolean }> = [];
  const library: AssetLibrary & {
    /** Every question asked, in order (`approved` is true on submit). */
    asked: typeof asked;
    asVideo(assetId: string): void;
    refuse(assetId: string, reason: CreativeRefusalReason): void;
    allow(assetId: string): void;
  } = {
    asked,
    asVideo: (assetId) => void videos.add(assetId),
    refuse: (assetId, reason) => void refused.set(assetId, reason),
    allow: (assetId) => void refused.delete(assetId),
    async creative({ assetId, brandId, approved = false }): Promise<CreativeAsset> {
      await Promise.resolve(); // answers later, as a real call does
      asked.push({ assetId, brandId, approved });
      const refusal = refused.get(assetId);
      // Pending moderation only stands in the way of an approval being required.
      if (refusal && (refusal !== 'asset_not_approved' || approved)) throw creativeRefusal(refusal);
      return videos.has(assetId)
        ? { assetId, type: 'video', url: `${STAND_IN_CREATIVE_HOST}/creatives/${assetId}.mp4`, thumbnailUrl: null }
        : {
            assetId,
            type: 'image',
            url: `${STAND_IN_CREATIVE_HOST}/creatives/${assetId}.webp`,
            thumbnailUrl: `${STAND_IN_CREATIVE_HOST}/creatives/${assetId}-thumb.webp`,
          };
    },
  };
  return library;
}
