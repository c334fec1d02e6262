import { targetingMismatches } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { demoBrands, demoStreamers } from './demo-marketplace';

const campaigns = new Map(
  demoBrands.flatMap((brand) => brand.campaigns.map((campaign) => [campaign.key, campaign])),
);

describe('the demo marketplace means what it says', () => {
  it('joins each streamer only to campaigns that exist, run, and target them', () => {
    for (const streamer of demoStreamers) {
      for (const key of streamer.joins) {
        const campaign = campaigns.get(key);
        expect(campaign, `${streamer.displayName} joins ${key}`).toBeDefined();
        expect(['active', 'paused', 'completed']).toContain(campaign!.target);
        const { fields } = campaign!;
        const misses = targetingMismatches(
          {
            categories: fields.categories,
            languages: fields.languages ?? [],
            regions: fields.regions ?? [],
            minFollowers: fields.minFollowers ?? 0,
            minAverageViewers: fields.minAverageViewers ?? 0,
          },
          {
            categories: streamer.categories,
            language: streamer.language,
            country: streamer.country,
            followers: streamer.followers,
            // The first sync's only sample: a live channel's viewers now, nothing for an offline one.
            averageViewers: streamer.liveViewers ?? 0,
          },
        );
        expect(misses, `${streamer.displayName} → ${key}`).toEqual([]);
      }
    }
  });

  it('gives the completed campaign a streamer who took part', () => {
    const completed = [...campaigns.values()].filter((campaign) => campaign.target === 'completed');
    expect(completed.length).toBeGreaterThan(0);
    for (const campaign of completed) {
      expect(demoStreamers.some((streamer) => streamer.joins.includes(campaign.key))).toBe(true);
    }
  });

  it('has a free G-Key for every open join, as the join picks it (first usable campaign category)', () => {
    for (const streamer of demoStreamers) {
      const locked = new Set<string>();
      for (const key of streamer.joins) {
        const campaign = campaigns.get(key)!;
        if (campaign.fields.joinMode === 'approval') continue;
        const free = campaign.fields.categories.find(
          (category) => streamer.categories.includes(category) && !locked.has(category),
        );
        expect(free, `${streamer.displayName} → ${key}`).toBeDefined();
        locked.add(free!);
      }
    }
  });
});
