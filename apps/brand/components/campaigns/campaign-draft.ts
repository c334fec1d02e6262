import type { CampaignFields, CampaignPatch, JoinMode, PricingModel } from '@gametriggers/contracts';
import type { Campaign } from './types';

/** The wizard's form state: text as typed, money in dollars, times as `datetime-local` values. */
export interface CampaignDraft {
  title: string;
  description: string;
  categories: string[];
  /** The brand's upload (an asset id); empty until one is uploaded or chosen. */
  creativeAssetId: string;
  creativeAltText: string;
  clickThroughUrl: string;
  languages: string[];
  regions: string[];
  minFollowers: string;
  minAverageViewers: string;
  pricingModel: PricingModel;
  rateDollars: string;
  budgetDollars: string;
  perStreamerCapDollars: string;
  maxParticipants: string;
  targetImpressions: string;
  joinMode: JoinMode;
  startsAt: string;
  endsAt: string;
  adDurationSeconds: string;
  minMinutesBetweenShows: string;
  maxShowsPerHour: string;
  gkeyCooloffHours: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A Date as a `datetime-local` value in the browser's zone. */
export function toLocalInput(date: Date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// Empty text stays missing, so the schema says "Enter …"; anything else converts (maybe to NaN,
// which the schema refuses with its own message).
const dateOf = (value: string) => (value ? new Date(value) : undefined);
const numberOf = (value: string) => (value.trim() === '' ? undefined : Number(value));
const centsOf = (dollars: string) =>
  dollars.trim() === '' ? undefined : Math.round(Number(dollars.replace(/[$,\s]/g, '')) * 100);
const optional = <T>(value: string, convert: (text: string) => T): T | null =>
  value.trim() === '' ? null : convert(value);
const dollarsOf = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(2));

/** Tomorrow at 09:00 for 30 days, in the browser's zone: the schedule a new campaign starts from. */
export function defaultSchedule(now = new Date()) {
  const startsAt = new Date(now);
  startsAt.setDate(startsAt.getDate() + 1);
  startsAt.setHours(9, 0, 0, 0);
  const endsAt = new Date(startsAt);
  endsAt.setDate(endsAt.getDate() + 30);
  return { startsAt, endsAt };
}

/**
 * A new campaign with common frequency settings. The schedule is left empty: local times are only
 * known in the browser, which fills them in (see the wizard).
 */
export function emptyDraft(): CampaignDraft {
  return {
    title: '',
    description: '',
    categories: [],
    creativeAssetId: '',
    creativeAltText: '',
    clickThroughUrl: '',
    languages: [],
    regions: [],
    minFollowers: '0',
    minAverageViewers: '0',
    pricingModel: 'cpm',
    rateDollars: '',
    budgetDollars: '',
    perStreamerCapDollars: '',
    maxParticipants: '',
    targetImpressions: '',
    joinMode: 'open',
    startsAt: '',
    endsAt: '',
    adDurationSeconds: '15',
    minMinutesBetweenShows: '10',
    maxShowsPerHour: '4',
    // Empty: the platform's default cool-off, decided by the campaign service when it is created.
    gkeyCooloffHours: '',
  };
}

/** An existing campaign's form state (its schedule is filled in by the browser, in local time). */
export function draftOf(campaign: Campaign): CampaignDraft {
  return {
    title: campaign.title,
    description: campaign.description,
    categories: campaign.categories,
    creativeAssetId: campaign.creative.assetId ?? '',
    creativeAltText: campaign.creative.altText ?? '',
    clickThroughUrl: campaign.clickThroughUrl,
    languages: campaign.languages,
    regions: campaign.regions,
    minFollowers: String(campaign.minFollowers),
    minAverageViewers: String(campaign.minAverageViewers),
    pricingModel: campaign.pricing.model,
    rateDollars: dollarsOf(campaign.pricing.rateCents),
    budgetDollars: dollarsOf(campaign.budgetCents),
    perStreamerCapDollars: dollarsOf(campaign.perStreamerCapCents),
    maxParticipants: campaign.maxParticipants === null ? '' : String(campaign.maxParticipants),
    targetImpressions:
      campaign.targetImpressions === null ? '' : String(campaign.targetImpressions),
    joinMode: campaign.joinMode,
    startsAt: '',
    endsAt: '',
    adDurationSeconds: String(campaign.frequency.adDurationSeconds),
    minMinutesBetweenShows: String(campaign.frequency.minMinutesBetweenShows),
    maxShowsPerHour: String(campaign.frequency.maxShowsPerHour),
    gkeyCooloffHours: String(campaign.gkeyCooloffHours),
  };
}

/** The draft as a candidate input; `campaignInputSchema` then says what is missing or wrong. */
export function candidateOf(draft: CampaignDraft) {
  return {
    title: draft.title,
    description: draft.description,
    categories: draft.categories,
    creative: {
      // Missing until chosen, so the schema says "Upload the creative".
      assetId: draft.creativeAssetId || undefined,
      ...(draft.creativeAltText.trim() ? { altText: draft.creativeAltText } : {}),
    },
    clickThroughUrl: draft.clickThroughUrl,
    languages: draft.languages,
    regions: draft.regions,
    minFollowers: numberOf(draft.minFollowers),
    minAverageViewers: numberOf(draft.minAverageViewers),
    startsAt: dateOf(draft.startsAt),
    endsAt: dateOf(draft.endsAt),
    budgetCents: centsOf(draft.budgetDollars),
    pricing: { model: draft.pricingModel, rateCents: centsOf(draft.rateDollars) },
    perStreamerCapCents: optional(draft.perStreamerCapDollars, centsOf),
    maxParticipants: optional(draft.maxParticipants, Number),
    frequency: {
      adDurationSeconds: numberOf(draft.adDurationSeconds),
      minMinutesBetweenShows: numberOf(draft.minMinutesBetweenShows),
      maxShowsPerHour: numberOf(draft.maxShowsPerHour),
    },
    joinMode: draft.joinMode,
    gkeyCooloffHours: numberOf(draft.gkeyCooloffHours),
    targetImpressions: optional(draft.targetImpressions, Number),
  };
}

/** What can still change once a campaign is approved (the service refuses the rest). */
export const liveEditableFields = [
  'description',
  'endsAt',
  'budgetCents',
  'maxParticipants',
  'frequency',
] as const;

/** The patch to send: everything for a draft, only the live-editable fields for a live campaign. */
export function patchOf(fields: CampaignFields, live: boolean): CampaignPatch {
  if (!live) return fields;
  return {
    description: fields.description,
    endsAt: fields.endsAt,
    budgetCents: fields.budgetCents,
    maxParticipants: fields.maxParticipants,
    frequency: fields.frequency,
  };
}
