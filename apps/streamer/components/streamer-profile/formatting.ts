import { contentCategories, countries, labelOf, languages } from '@gametriggers/contracts';
import type { StreamingPlatform } from '@gametriggers/contracts';

export const platformLabels: Record<StreamingPlatform, string> = {
  twitch: 'Twitch',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  facebook: 'Facebook',
};

export const categoryLabel = (id: string) => labelOf(contentCategories, id);
export const languageLabel = (id: string) => labelOf(languages, id);
export const countryLabel = (id: string) => labelOf(countries, id);

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
/** 12,400 → "12.4K". */
export const formatCount = (value: number) => compact.format(value);

/** "5 minutes ago", for last-synced times. */
export function formatAgo(date: Date | null, now = new Date()): string {
  if (!date) return 'never';
  const minutes = Math.round((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}
