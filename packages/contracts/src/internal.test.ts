import { describe, expect, it } from 'vitest';
import { targetingMismatches } from './internal';

const campaign = {
  categories: ['fps' as const, 'battle_royale' as const],
  languages: ['en' as const, 'de' as const],
  regions: ['US' as const, 'DE' as const],
  minFollowers: 1_000,
  minAverageViewers: 50,
};
const streamer = {
  categories: ['battle_royale' as const, 'irl' as const],
  language: 'de' as const,
  country: 'DE' as const,
  followers: 5_000,
  averageViewers: 80,
};

describe('targetingMismatches', () => {
  it('matches a streamer who fits category, language, region and size', () => {
    expect(targetingMismatches(campaign, streamer)).toEqual([]);
  });

  it('needs every criterion, not any one of them', () => {
    expect(targetingMismatches(campaign, { ...streamer, categories: ['music'] })).toEqual(['category']);
    expect(targetingMismatches(campaign, { ...streamer, language: 'fr' })).toEqual(['language']);
    expect(targetingMismatches(campaign, { ...streamer, country: 'FR' })).toEqual(['region']);
    expect(targetingMismatches(campaign, { ...streamer, followers: 999 })).toEqual(['followers']);
    expect(targetingMismatches(campaign, { ...streamer, averageViewers: 49 })).toEqual(['average_viewers']);
    expect(
      targetingMismatches(campaign, { ...streamer, categories: ['music'], language: 'fr' }),
    ).toEqual(['category', 'language']);
  });

  it('treats empty languages and regions as any language and worldwide', () => {
    expect(
      targetingMismatches({ ...campaign, languages: [], regions: [] }, { ...streamer, language: 'ja', country: 'JP' }),
    ).toEqual([]);
  });
});
