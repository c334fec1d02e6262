import {
  contentReportReasonSchema,
  creativeTypeSchema,
  moderationItemStatusSchema,
} from '@gametriggers/contracts';
import { eventCatalogue } from '@gametriggers/events';
import { z } from 'zod';

/** A campaign creative as its item holds it (the `campaign.creative_submitted` event's content). */
export const creativeContentSchema = z.object({
  /** The brand's upload (its own `creative_asset` item); null for items from before uploads. */
  assetId: z.string().nullable().default(null),
  type: creativeTypeSchema,
  url: z.string(),
  altText: z.string().nullable(),
  clickThroughUrl: z.string(),
  description: z.string(),
  submittedAt: z.iso.datetime(),
});

/**
 * A file uploaded as a campaign creative, as its item holds it (from `asset.ready`): where it is
 * served (the original, and an image's WebP rendition and thumbnail), what it is and its measures.
 */
export const creativeAssetContentSchema = eventCatalogue['asset.ready'].schema
  .pick({
    name: true,
    contentType: true,
    sizeBytes: true,
    width: true,
    height: true,
    durationMs: true,
    renditionUrl: true,
    thumbnailUrl: true,
  })
  .extend({
    kind: z.enum(['image', 'video']),
    url: z.string(),
    /** When the file passed its checks. */
    submittedAt: z.iso.datetime(),
  });

/** A brand's public profile as its item holds it (the `brand.profile_changed` event's snapshot). */
export const brandProfileContentSchema = eventCatalogue['brand.profile_changed'].schema.shape.profile;

/** A streamer's public profile as its item holds it (the `streamer.profile_changed` event's snapshot). */
export const streamerProfileContentSchema =
  eventCatalogue['streamer.profile_changed'].schema.shape.profile;

const itemFields = {
  id: z.string(),
  subjectId: z.string(),
  ownerId: z.string(),
  title: z.string(),
  contentSubmittedAt: z.date(),
  status: moderationItemStatusSchema,
  reportCount: z.number().int(),
  lastReportedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.date(),
};

/** An item; its content's shape follows its kind. */
export const moderationItemOutput = z.discriminatedUnion('kind', [
  z.object({ ...itemFields, kind: z.literal('campaign_creative'), content: creativeContentSchema }),
  z.object({ ...itemFields, kind: z.literal('creative_asset'), content: creativeAssetContentSchema }),
  z.object({ ...itemFields, kind: z.literal('brand_profile'), content: brandProfileContentSchema }),
  z.object({
    ...itemFields,
    kind: z.literal('streamer_profile'),
    content: streamerProfileContentSchema,
  }),
]);

export const moderationPageOutput = z.object({
  items: z.array(moderationItemOutput),
  nextCursor: z.string().nullable(),
});

export const moderationItemDetailOutput = z.intersection(
  moderationItemOutput,
  z.object({
    reports: z.array(
      z.object({
        id: z.string(),
        reporterId: z.string(),
        reason: contentReportReasonSchema,
        details: z.string().nullable(),
        reportedAt: z.date(),
      }),
    ),
  }),
);
