import { contentCategories, countries, labelOf, languages } from '@gametriggers/contracts';

export const categoryLabel = (id: string) => labelOf(contentCategories, id);
export const languageLabel = (id: string) => labelOf(languages, id);
export const countryLabel = (id: string) => labelOf(countries, id);

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
/** 12,400 → "12.4K". */
export const formatCount = (value: number) => compact.format(value);

export const platformLabels = {
  twitch: 'Twitch',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  facebook: 'Facebook',
} as const;
