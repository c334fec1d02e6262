import {
  contentCategories,
  countries,
  labelOf,
  languages,
  pricingModels,
} from '@gametriggers/contracts';
import type { PricingModel } from '@gametriggers/contracts';

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** 123456 → "$1,234.56". */
export const formatMoney = (cents: number) => dollars.format(cents / 100);
/** 12,400 → "12.4K". */
export const formatCount = (value: number) => compact.format(value);

export const categoryLabel = (id: string) => labelOf(contentCategories, id);
export const languageLabel = (id: string) => labelOf(languages, id);
export const countryLabel = (id: string) => labelOf(countries, id);

export const pricingModelLabel = (model: PricingModel) =>
  pricingModels.find((entry) => entry.id === model)?.label ?? model;

/** What one unit of pay is: "per 1,000 impressions", "per click", "for taking part". */
export function rateUnit(model: PricingModel) {
  return model === 'fixed'
    ? 'fee for taking part'
    : (pricingModels.find((entry) => entry.id === model)?.unit ?? '');
}

/** What the streamer earns per unit, as a streamer reads it: "$15.00 per 1,000 impressions". */
export function rateLabel(pricing: { model: PricingModel; rateCents: number }) {
  return `${formatMoney(pricing.rateCents)} ${rateUnit(pricing.model)}`;
}

export function listLabel(
  ids: readonly string[],
  label: (id: string) => string,
  whenEmpty: string,
) {
  return ids.length ? ids.map(label).join(', ') : whenEmpty;
}
