import type { CampaignFields, CampaignPatch } from '@gametriggers/contracts';
import type { Campaign } from '../generated/prisma/client';

type BrandSetColumns = Pick<
  Campaign,
  | 'title'
  | 'description'
  | 'creativeType'
  | 'creativeUrl'
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

/** The columns of a whole new campaign (its cool-off decided: its own or the platform's default). */
export function newCampaignColumns(
  fields: CampaignFields & { gkeyCooloffHours: number },
): BrandSetColumns {
  return columnsOf(fields) as BrandSetColumns;
}

/** The table's columns for the fields a brand sets (only those present in `fields`). */
export function columnsOf(fields: CampaignPatch): Partial<BrandSetColumns> {
  return {
    title: fields.title,
    description: fields.description,
    ...(fields.creative && {
      creativeType: fields.creative.type,
      creativeUrl: fields.creative.url,
      creativeAltText: fields.creative.altText || null,
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
export function fieldsOf(campaign: Campaign): CampaignFields {
  return {
    title: campaign.title,
    description: campaign.description,
    creative: {
      type: campaign.creativeType,
      url: campaign.creativeUrl,
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
