import type { CampaignInput } from '@gametriggers/contracts';

const HOUR = 60 * 60_000;

/** The sample campaign's creative: an upload the `approvedCreatives()` stand-in answers as an approved image. */
export const SAMPLE_CREATIVE_ASSET_ID = 'c4a7e000-0000-4000-8000-000000000001';

/**
 * A complete, valid campaign starting an hour after `now` (the test's clock) and running 30 days;
 * override any field.
 */
export function sampleCampaign(overrides: Partial<CampaignInput>, now: Date): CampaignInput {
  return {
    title: 'Acme Energy launch week',
    description: 'Show the new Acme Energy can between matches; link to the launch offer.',
    creative: { assetId: SAMPLE_CREATIVE_ASSET_ID, altText: 'An Acme Energy can' },
    clickThroughUrl: 'https://acme.example.com/launch',
    categories: ['fps', 'esports'],
    languages: ['en'],
    regions: ['US', 'CA'],
    minFollowers: 100,
    minAverageViewers: 10,
    startsAt: new Date(now.getTime() + HOUR),
    endsAt: new Date(now.getTime() + HOUR + 30 * 24 * HOUR),
    budgetCents: 500_000,
    pricing: { model: 'cpm', rateCents: 1_500 },
    perStreamerCapCents: null,
    maxParticipants: null,
    frequency: { adDurationSeconds: 15, minMinutesBetweenShows: 10, maxShowsPerHour: 4 },
    joinMode: 'open',
    gkeyCooloffHours: 720,
    targetImpressions: null,
    ...overrides,
  };
}
