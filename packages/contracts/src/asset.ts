import { z } from 'zod';
import { pageInputSchema } from './pagination';
import { idSchema } from './primitives/ids';

/** What an upload is for: each use is an upload route with its own types, size limits and access. */
export const assetUses = ['campaignCreative', 'verificationDocument', 'kycDocument'] as const;
export type AssetUse = (typeof assetUses)[number];
export const assetUseSchema = z.enum(assetUses, { error: 'Choose what the file is for' });

/** `checking` until the bytes are inspected; then `ready` or `refused` (with a reason); `deleted` by its owner. */
export const assetStates = ['checking', 'ready', 'refused', 'deleted'] as const;
export type AssetState = (typeof assetStates)[number];
export const assetStateSchema = z.enum(assetStates, { error: 'Choose a state' });

/**
 * Where an asset stands with moderation: `null` until its check made it ready (nothing to moderate
 * yet); then `pending` for a campaign creative until an admin decides (`approved`, or `rejected` with
 * a reason), `notRequired` for a document (only its reviewing admins see it).
 */
export const assetModerationStates = ['notRequired', 'pending', 'approved', 'rejected'] as const;
export type AssetModerationState = (typeof assetModerationStates)[number];
export const assetModerationStateSchema = z.enum(assetModerationStates, { error: 'Choose a moderation state' });

export const assetKinds = ['image', 'video', 'document'] as const;
export type AssetKind = (typeof assetKinds)[number];

const MB = 1024 * 1024;

const documentContentTypes = {
  'application/pdf': 'document',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/webp': 'image',
} as const;

/**
 * What each use takes: the content types its bytes may turn out to be (with their kind) and the
 * largest file per kind. The asset service checks uploads against these; the portals' drop zones
 * refuse what cannot pass before sending it.
 */
export const assetUseFiles: Readonly<
  Record<AssetUse, { contentTypes: Readonly<Record<string, AssetKind>>; maxBytes: Partial<Record<AssetKind, number>> }>
> = {
  campaignCreative: {
    contentTypes: {
      'image/png': 'image',
      'image/jpeg': 'image',
      'image/webp': 'image',
      'image/gif': 'image',
      'video/mp4': 'video',
      'video/webm': 'video',
    },
    maxBytes: { image: 8 * MB, video: 64 * MB },
  },
  verificationDocument: { contentTypes: documentContentTypes, maxBytes: { image: 8 * MB, document: 8 * MB } },
  kycDocument: { contentTypes: documentContentTypes, maxBytes: { image: 8 * MB, document: 8 * MB } },
};

export const assetIdInputSchema = z.object({ assetId: idSchema('asset') });

export const listMyAssetsInputSchema = pageInputSchema.extend({
  use: assetUseSchema.optional(),
  state: assetStateSchema.optional(),
  /** Only assets in one of these moderation states (say `['approved', 'pending']` for creatives a campaign can take). */
  moderation: z.array(assetModerationStateSchema).min(1, 'Choose a moderation state').max(assetModerationStates.length).optional(),
});
export type ListMyAssetsInput = z.input<typeof listMyAssetsInputSchema>;

/**
 * What the campaign service asks before attaching an asset: is it this owner's, for this use, ready
 * and not rejected by moderation? With `approved: true` (a campaign going to review), it must also be
 * approved by moderation.
 */
export const assertAssetUsableInputSchema = z.object({
  assetId: idSchema('asset'),
  ownerId: idSchema('owner'),
  use: assetUseSchema,
  approved: z.boolean().default(false),
});
export type AssertAssetUsableInput = z.input<typeof assertAssetUsableInputSchema>;

/**
 * Why `asset.internal.assertUsable` refuses an asset (`PRECONDITION_FAILED`, the code in the error's
 * `reason`): stable names the callers branch on. Someone else's, deleted or unknown asset is
 * `NOT_FOUND` instead.
 */
export const assetUsableRefusals = [
  'asset_wrong_use',
  'asset_not_ready',
  'asset_refused',
  /** `approved: true` and moderation has not decided yet. */
  'asset_not_approved',
  /** Moderation rejected it (the message carries the moderator's reason). */
  'asset_rejected',
] as const;
export type AssetUsableRefusal = (typeof assetUsableRefusals)[number];

export const assetViewSchema = z.object({
  assetId: z.uuid(),
  ownerId: z.uuid(),
  use: assetUseSchema,
  access: z.enum(['public', 'private']),
  state: assetStateSchema,
  refusalReason: z.string().nullable(),
  name: z.string(),
  kind: z.enum(assetKinds).nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  videoCodec: z.string().nullable(),
  /** Public assets only: where the original, its WebP rendition and thumbnail are served. */
  url: z.string().nullable(),
  renditionUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.date(),
  checkedAt: z.date().nullable(),
  /** Moderation (see `assetModerationStates`); the reason and when only once decided. */
  moderation: assetModerationStateSchema.nullable(),
  moderationReason: z.string().nullable(),
  moderatedAt: z.date().nullable(),
});
export type AssetView = z.infer<typeof assetViewSchema>;
