import type { CampaignFields, CampaignPatch } from '@gametriggers/contracts';
import type { CreativeAsset } from '../clients/asset-library';
import type { Campaign } from '../generated/prisma/client';

type BrandSetColumns = Pick<
  Campaign,
  | 'title'
  | 'description'
  | 'creativeAssetId'
  | 'creativeType'
  | 'creativeUrl'
  | 'creativeThumbnailUrl'
  | 'creativeAltText'
  | 'clickThroughUrl'
  | 'categories'
  | 'languages'
  | 'regions'
  | 'minFollowers'
  | 'minAverageViewers'
  | 'startsAt'
  | 'endsAt'
  | 'budgetCents'
  | 'pricingModel'
  | 'rateCents'
  | 'perStreamerCapCents'
  | 'maxParticipants'
  | 'adDurationSeconds'
  | 'minMinutesBetweenShows'
  | 'maxShowsPerHour'
  | 'joinMode'
  | 'gkeyCooloffHours'
  | 'targetImpressions'
>;

/**
 * A campaign's fields as stored: a campaign from before uploads has a creative with no asset. Its
 * patch is merged onto these and the rules checked again.
 */
export type StoredCampaignFields = Omit<CampaignFields, 'creative'> & {
  creative: { assetId: string | null; altText?: string };
};

/** The columns of a whole new campaign (its cool-off decided; its creative's asset resolved). */
export function newCampaignColumns(
  fields: CampaignFields & { gkeyCooloffHours: number },
  creative: CreativeAsset,
): BrandSetColumns {
  return columnsOf(fields, creative) as BrandSetColumns;
}

/**
 * The table's columns for the fields a brand sets (only those present in `fields`). A creative's
 * kind and URLs come from its asset (`creative`, resolved by the asset service), when it changed.
 */
export function columnsOf(fields: CampaignPatch, creative?: CreativeAsset): Partial<BrandSetColumns> {
  return {
    title: fields.title,
    description: fields.description,
    ...(fields.creative && { creativeAltText: fields.creative.altText || null }),
    ...(creative && {
      creativeAssetId: creative.assetId,
      creativeType: creative.type,
      creativeUrl: creative.url,
      creativeThumbnailUrl: creative.thumbnailUrl,
    }),
    clickThroughUrl: fields.clickThroughUrl,
    categories: fields.categories,
    languages: fields.languages,
    regions: fields.regions,
    minFollowers: fields.minFollowers,
    minAverageViewers: fields.minAverageViewers,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    budgetCents: fields.budgetCents,
    ...(fields.pricing && {
      pricingModel: fields.pricing.model,
      rateCents: fields.pricing.rateCents,
    }),
    perStreamerCapCents: fields.perStreamerCapCents,
    maxParticipants: fields.maxParticipants,
    ...(fields.frequency && {
      adDurationSeconds: fields.frequency.adDurationSeconds,
      minMinutesBetweenShows: fields.frequency.minMinutesBetweenShows,
      maxShowsPerHour: fields.frequency.maxShowsPerHour,
    }),
    joinMode: fields.joinMode,
    gkeyCooloffHours: fields.gkeyCooloffHours,
    targetImpressions: fields.targetImpressions,
  };
}

/** A stored campaign as the fields a brand sets, for merging a patch and re-checking the rules. */
export function fieldsOf(campaign: Campaign): StoredCampaignFields {
  return {
    title: campaign.title,
    description: campaign.description,
    creative: {
      assetId: campaign.creativeAssetId,
      ...(campaign.creativeAltText ? { altText: campaign.creativeAltText } : {}),
    },
    clickThroughUrl: campaign.clickThroughUrl,
    categories: campaign.categories as CampaignFields['categories'],
    languages: campaign.languages as CampaignFields['languages'],
    regions: campaign.regions as CampaignFields['regions'],
    minFollowers: campaign.minFollowers,
    minAverageViewers: campaign.minAverageViewers,
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    budgetCents: campaign.budgetCents,
    pricing: { model: campaign.pricingModel, rateCents: campaign.rateCents },
    perStreamerCapCents: campaign.perStreamerCapCents,
    maxParticipants: campaign.maxParticipants,
    frequency: {
      adDurationSeconds: campaign.adDurationSeconds,
      minMinutesBetweenShows: campaign.minMinutesBetweenShows,
      maxShowsPerHour: campaign.maxShowsPerHour,
    },
    joinMode: campaign.joinMode,
    gkeyCooloffHours: campaign.gkeyCooloffHours,
    targetImpressions: campaign.targetImpressions,
  };
}
