import type { AssetRouter } from '@gametriggers/asset-service/router';
import type { AssetUsableRefusal, AssetView, CreativeType } from '@gametriggers/contracts';
import { assetViewSchema } from '@gametriggers/contracts';
import { DomainError, createServiceClient } from '@gametriggers/trpc';
import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

/** A brand's upload as a campaign stores its creative. */
export interface CreativeAsset {
  assetId: string;
  type: CreativeType;
  /** Where it is shown: an image's WebP rendition (the original when there is none), a video's original. */
  url: string;
  thumbnailUrl: string | null;
}

export interface CreativeQuery {
  assetId: string;
  /** The brand's identity user id: only its own uploads can be its creatives. */
  brandId: string;
  /** Moderation must have approved it (a campaign going to review); otherwise pending will do. */
  approved?: boolean;
}

/** What the campaign service asks of the asset service: may this upload be this brand's creative? */
export interface AssetLibrary {
  /** The creative, or a refusal at the form's `creative.assetId` field (`creativeRefusal`). */
  creative(query: CreativeQuery): Promise<CreativeAsset>;
}

/** Why a creative is refused: the asset service's reasons, and an unknown or someone else's upload. */
export type CreativeRefusalReason = AssetUsableRefusal | 'asset_not_found';

const refusals: Record<CreativeRefusalReason, { reason: string; field: string }> = {
  asset_not_found: { reason: 'creative_not_found', field: 'This upload was not found; upload the creative again' },
  asset_wrong_use: { reason: 'creative_wrong_use', field: 'This file was not uploaded as a campaign creative' },
  asset_not_ready: { reason: 'creative_not_ready', field: 'The creative is still being checked; try again in a moment' },
  asset_refused: { reason: 'creative_refused', field: 'The creative was refused by the file check; upload another' },
  asset_not_approved: { reason: 'creative_not_approved', field: 'The creative is waiting for a moderator’s approval' },
  asset_rejected: { reason: 'creative_rejected', field: 'Moderation rejected this creative; choose another' },
};

/**
 * The refusal the brand sees, at the wizard's creative field. The asset service's message (with
 * its reason: why the file was refused, or the moderator's) is the message; a missing asset is
 * `invalid` (400), the others `precondition_failed`.
 */
export function creativeRefusal(why: CreativeRefusalReason, message?: string): DomainError {
  const { reason, field } = refusals[why];
  return new DomainError(
    why === 'asset_not_found' || why === 'asset_wrong_use' ? 'invalid' : 'precondition_failed',
    reason,
    message ?? `${field}.`,
    { fieldErrors: { 'creative.assetId': [message ?? field] } },
  );
}

/** The campaign's columns from a usable asset; a document is no creative. */
export function creativeOfAsset(asset: AssetView): CreativeAsset {
  if (asset.kind !== 'image' && asset.kind !== 'video') throw creativeRefusal('asset_wrong_use');
  const url = asset.kind === 'image' ? (asset.renditionUrl ?? asset.url) : asset.url;
  if (!url) throw creativeRefusal('asset_not_ready');
  return { assetId: asset.assetId, type: asset.kind, url, thumbnailUrl: asset.thumbnailUrl };
}

const refusalData = z.object({
  code: z.string().optional(),
  reason: z.string().optional(),
});
const knownRefusals = new Set<string>(Object.keys(refusals));

/** The asset service's refusal, as ours at the creative field; anything else stays a fault. */
function passOnRefusal(error: unknown): never {
  if (error instanceof TRPCClientError) {
    const data = refusalData.safeParse(error.data);
    if (data.success && data.data.code === 'NOT_FOUND') throw creativeRefusal('asset_not_found');
    if (data.success && data.data.reason && knownRefusals.has(data.data.reason)) {
      throw creativeRefusal(data.data.reason as CreativeRefusalReason, error.message);
    }
  }
  throw error;
}

export function createAssetLibrary(options: { url: string; secret: string }): AssetLibrary {
  const client = createServiceClient<AssetRouter>({ ...options, caller: 'campaign' });
  return {
    async creative({ assetId, brandId, approved = false }) {
      const asset = await client.asset.internal.assertUsable
        .query({ assetId, ownerId: brandId, use: 'campaignCreative', approved })
        .catch(passOnRefusal);
      return creativeOfAsset(assetViewSchema.parse(asset));
    },
  };
}
