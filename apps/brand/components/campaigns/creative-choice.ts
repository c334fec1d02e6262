import type { AssetModerationState, AssetView, CreativeType } from '@gametriggers/contracts';
import type { Campaign } from './types';

/** The creative a campaign has or will have, as the wizard and the pages show it. */
export interface ChosenCreative {
  /** Null only for a campaign from before uploads. */
  assetId: string | null;
  /** The uploaded file's name, when known. */
  name: string | null;
  type: CreativeType;
  /** Where it is shown: an image's WebP rendition, a video's original (or a local preview while uploading). */
  url: string;
  thumbnailUrl: string | null;
  /** Moderation of the upload; null when not known (or nothing to moderate yet). */
  moderation: AssetModerationState | null;
  moderationReason: string | null;
}

/** A checked upload as the campaign will show it. */
export function chosenFromAsset(asset: AssetView): ChosenCreative | null {
  if (asset.kind !== 'image' && asset.kind !== 'video') return null;
  const url = asset.kind === 'image' ? (asset.renditionUrl ?? asset.url) : asset.url;
  if (!url) return null;
  return {
    assetId: asset.assetId,
    name: asset.name,
    type: asset.kind,
    url,
    thumbnailUrl: asset.thumbnailUrl,
    moderation: asset.moderation,
    moderationReason: asset.moderationReason,
  };
}

/** A saved campaign's creative, with its upload's moderation when it could be read. */
export function chosenFromCampaign(campaign: Pick<Campaign, 'creative'>, asset: AssetView | null): ChosenCreative {
  return {
    assetId: campaign.creative.assetId,
    name: asset?.name ?? null,
    type: campaign.creative.type,
    url: campaign.creative.url,
    thumbnailUrl: campaign.creative.thumbnailUrl,
    moderation: asset?.moderation ?? null,
    moderationReason: asset?.moderationReason ?? null,
  };
}
