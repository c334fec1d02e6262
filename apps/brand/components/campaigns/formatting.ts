import {
  campaignStatusLabels,
  contentCategories,
  countries,
  labelOf,
  languages,
  pricingModels,
} from '@gametriggers/contracts';
import type { CampaignStatus, CompletionReason, PricingModel } from '@gametriggers/contracts';

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const count = new Intl.NumberFormat('en-US');

/** 123456 → "$1,234.56". */
export const formatMoney = (cents: number) => dollars.format(cents / 100);
export const formatCount = (value: number) => count.format(value);

export const categoryLabel = (id: string) => labelOf(contentCategories, id);
export const languageLabel = (id: string) => labelOf(languages, id);
export const countryLabel = (id: string) => labelOf(countries, id);
export const statusLabel = (status: CampaignStatus) => campaignStatusLabels[status];

/** "$15.00 CPM · per 1,000 impressions". */
export function pricingLabel(pricing: { model: PricingModel; rateCents: number }) {
  const model = pricingModels.find((entry) => entry.id === pricing.model);
  return `${formatMoney(pricing.rateCents)} ${model?.label ?? pricing.model} · ${model?.unit ?? ''}`;
}

/** A list of targeting ids as labels, or what empty means (any language, worldwide). */
export function listLabel(
  ids: readonly string[],
  label: (id: string) => string,
  whenEmpty: string,
) {
  return ids.length ? ids.map(label).join(', ') : whenEmpty;
}

export const completionReasonLabels: Record<CompletionReason, string> = {
  budget_spent: 'the budget was spent',
  target_reached: 'the impression target was reached',
  end_date: 'its end date passed',
  inactive: 'no streamer took part for 7 days',
  ended_by_brand: 'you ended it',
  ended_by_admin: 'an administrator ended it',
};

export const statusTone = {
  draft: 'neutral',
  pending_review: 'warning',
  active: 'success',
  paused: 'warning',
  completed: 'brand',
  rejected: 'danger',
  cancelled: 'neutral',
} as const satisfies Record<CampaignStatus, 'brand' | 'neutral' | 'success' | 'warning' | 'danger'>;
