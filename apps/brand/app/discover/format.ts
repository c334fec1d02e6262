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

/**
 * What a streamer's "average viewers" is: the viewers the streamer service checked while they were
 * live over the last 30 days, averaged per platform; the card shows the best platform's.
 */
export function averageViewersSource(
  platforms: ReadonlyArray<{ platform: keyof typeof platformLabels; averageViewers: number }>,
): string {
  const best = platforms.reduce<(typeof platforms)[number] | undefined>(
    (top, platform) => (!top || platform.averageViewers > top.averageViewers ? platform : top),
    undefined,
  );
  if (!best) return 'No platform connected yet';
  const platform = platformLabels[best.platform];
  return best.averageViewers > 0
    ? `While live on ${platform}, last 30 days`
    : `Not seen live on ${platform} in 30 days`;
}
