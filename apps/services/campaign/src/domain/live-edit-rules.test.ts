import { describe, expect, it } from 'vitest';
import { sampleCampaign } from '../testing/campaign-fixtures';
import { campaignInputSchema } from '@gametriggers/contracts';
import { liveEditProblems } from './live-edit-rules';

const now = new Date('2026-12-01T12:00:00Z');
const current = {
  ...campaignInputSchema.parse(sampleCampaign({}, now)),
  remainingBudgetCents: 200_000, // $3,000 of $5,000 spent
  activeParticipantCount: 4,
};
const reasonsOf = (patch: Parameters<typeof liveEditProblems>[1]) =>
  liveEditProblems(current, patch, now).map((problem) => [problem.path, problem.reason]);

describe('what a live campaign may change', () => {
  it('takes the description, a later end, the budget, the participant limit and the frequency', () => {
    expect(
      reasonsOf({
        description: 'Updated copy for week two.',
        endsAt: new Date(current.endsAt.getTime() + 1),
        budgetCents: 900_000,
        maxParticipants: 4,
        frequency: { adDurationSeconds: 20, minMinutesBetweenShows: 20, maxShowsPerHour: 2 },
      }),
    ).toEqual([]);
  });

  it.each([
    ['title', { title: 'New' }],
    ['creative', { creative: { assetId: 'c4a7e000-0000-4000-8000-0000000000ff' } }],
    ['clickThroughUrl', { clickThroughUrl: 'https://other.example.com' }],
    ['categories', { categories: ['moba' as const] }],
    ['languages', { languages: [] }],
    ['regions', { regions: ['DE' as const] }],
    ['minFollowers', { minFollowers: 0 }],
    ['minAverageViewers', { minAverageViewers: 0 }],
    ['startsAt', { startsAt: new Date(now.getTime() + 1) }],
    ['pricing', { pricing: { model: 'cpm' as const, rateCents: 1 } }],
    ['perStreamerCapCents', { perStreamerCapCents: 5_000 }],
    ['joinMode', { joinMode: 'approval' as const }],
    ['gkeyCooloffHours', { gkeyCooloffHours: 24 }],
    ['targetImpressions', { targetImpressions: 5 }],
  ])('locks the %s', (field, patch) => {
    expect(reasonsOf(patch)).toEqual([[field, 'field_locked_while_live']]);
  });

  it('ignores locked fields sent with their current value', () => {
    expect(
      reasonsOf({
        title: current.title,
        categories: [...current.categories],
        creative: { ...current.creative },
      }),
    ).toEqual([]);
  });

  it('only extends the end, and never into the past', () => {
    expect(reasonsOf({ endsAt: new Date(current.endsAt.getTime() - 1) })).toEqual([
      ['endsAt', 'end_not_extended'],
    ]);
    const ended = { ...current, endsAt: new Date(now.getTime() - 60_000) };
    expect(
      liveEditProblems(ended, { endsAt: new Date(now.getTime() - 1) }, now).map((p) => p.reason),
    ).toEqual(['end_not_extended']);
  });

  it('keeps the budget at or above what is spent', () => {
    expect(reasonsOf({ budgetCents: 300_000 })).toEqual([]);
    expect(liveEditProblems(current, { budgetCents: 299_999 }, now)).toEqual([
      {
        path: 'budgetCents',
        reason: 'budget_below_spent',
        message: 'The budget cannot go below the $3000.00 already spent.',
      },
    ]);
  });

  it('keeps the participant limit at or above those taking part', () => {
    expect(reasonsOf({ maxParticipants: 3 })).toEqual([
      ['maxParticipants', 'participant_limit_below_current'],
    ]);
    expect(reasonsOf({ maxParticipants: null })).toEqual([]);
  });
});
