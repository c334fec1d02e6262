import {
  campaignInputSchema,
  campaignPatchSchema,
  discoverCampaignsInputSchema,
} from '@gametriggers/contracts';
import type { CampaignInput } from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';
import { sampleCampaign } from '../testing/campaign-fixtures';

const now = new Date('2026-12-01T12:00:00Z');
const issuesOf = (overrides: Partial<CampaignInput>) => {
  const result = campaignInputSchema.safeParse(sampleCampaign(overrides, now));
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('campaign input rules (shared by forms and the service)', () => {
  it('accepts the sample and fills defaults', () => {
    const { languages, regions, gkeyCooloffHours, joinMode, ...rest } = sampleCampaign({}, now);
    expect(languages && regions && gkeyCooloffHours && joinMode).toBeTruthy();
    const parsed = campaignInputSchema.parse(rest);
    expect(parsed).toMatchObject({
      languages: [],
      regions: [],
      joinMode: 'open',
      minFollowers: 100,
    });
    // No cool-off: left to the service, which takes the platform configuration's default.
    expect(parsed.gkeyCooloffHours).toBeUndefined();
  });

  it.each<[string, Partial<CampaignInput>, string, RegExp]>([
    ['end before start', { endsAt: new Date(now.getTime()) }, 'endsAt', /after the start/],
    ['end equal to start', { startsAt: now, endsAt: now }, 'endsAt', /after the start/],
    [
      'over a year',
      { startsAt: now, endsAt: new Date(now.getTime() + 366 * 86_400_000) },
      'endsAt',
      /at most 365 days/,
    ],
    ['budget under $100', { budgetCents: 9_999 }, 'budgetCents', /at least \$100\.00/],
    [
      'budget under the rate',
      { budgetCents: 10_000, pricing: { model: 'cpc', rateCents: 10_001 } },
      'budgetCents',
      /cover at least the rate \(\$100\.01\)/,
    ],
    ['fractional cents', { budgetCents: 10_000.5 }, 'budgetCents', /whole cents/],
    [
      'zero rate',
      { pricing: { model: 'cpm', rateCents: 0 } },
      'pricing.rateCents',
      /at least 1 cent/,
    ],
    [
      'cap over budget',
      { perStreamerCapCents: 600_000 },
      'perStreamerCapCents',
      /cannot exceed the budget/,
    ],
    [
      'fixed fees over budget',
      { pricing: { model: 'fixed', rateCents: 200_000 }, maxParticipants: 3 },
      'maxParticipants',
      /exceed the budget/,
    ],
    [
      'creative that is no upload',
      { creative: { assetId: 'https://cdn.example.com/a.png' } },
      'creative.assetId',
      /Upload the creative/,
    ],
    [
      'link to a bare host',
      { clickThroughUrl: 'https://localhost/offer' },
      'clickThroughUrl',
      /https/,
    ],
    ['duplicate languages', { languages: ['en', 'en'] }, 'languages', /only once/],
    ['unknown region', { regions: ['XX' as 'US'] }, 'regions.0', /from the list/],
    ['too short a title', { title: 'ab' }, 'title', /at least 3/],
    [
      'ad over 120 s',
      { frequency: { adDurationSeconds: 121, minMinutesBetweenShows: 5, maxShowsPerHour: 4 } },
      'frequency.adDurationSeconds',
      /at most 120/,
    ],
    [
      '61 shows an hour',
      { frequency: { adDurationSeconds: 10, minMinutesBetweenShows: 1, maxShowsPerHour: 61 } },
      'frequency.maxShowsPerHour',
      /At most 60/,
    ],
    ['negative followers', { minFollowers: -1 }, 'minFollowers', /negative/],
  ])('refuses %s', (_label, overrides, path, message) => {
    expect(issuesOf(overrides)[path]).toMatch(message);
  });

  it('accepts a budget of exactly $100 covering the rate', () => {
    expect(
      issuesOf({
        budgetCents: 10_000,
        pricing: { model: 'fixed', rateCents: 10_000 },
        maxParticipants: 1,
      }),
    ).toEqual({});
  });

  it('leaves omitted fields out of a patch (no defaults sneak in)', () => {
    expect(campaignPatchSchema.parse({ description: 'Just the description changes.' })).toEqual({
      description: 'Just the description changes.',
    });
  });

  it('discovery defaults to the newest first', () => {
    expect(discoverCampaignsInputSchema.parse({})).toEqual({ limit: 20, sort: 'newest' });
  });
});
