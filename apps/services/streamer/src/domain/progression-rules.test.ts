import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDays,
  earnsCompletion,
  experienceForLevel,
  experiencePoints,
  hourCountChange,
  importedStreakDays,
  levelForExperience,
  levelProgress,
  localDayOf,
  removalCounter,
  reputationPoints,
  streakSummary,
} from './progression-rules';

const counters = {
  countedImpressions: 0,
  completedCampaigns: 0,
  fraudRemovals: 0,
  violationRemovals: 0,
  importedExperience: 0,
  importedReputation: 0,
};

/** The local days of the counted hours a stream delivered, as the service files them. */
const daysOfHours = (hourStarts: string[], timeZone: string) =>
  hourStarts.map((hourStart) => localDayOf(new Date(hourStart), timeZone));

describe('daily streaks', () => {
  it('counts both local days of a stream from 23:30 to 00:30 across the time zone midnight', () => {
    // 23:30–00:30 in Berlin (winter, UTC+1) is 22:30–23:30 UTC: one UTC day, two Berlin days.
    const days = daysOfHours(['2026-01-14T22:00:00Z', '2026-01-14T23:00:00Z'], 'Europe/Berlin');
    expect(days).toEqual(['2026-01-14', '2026-01-15']);
    expect(streakSummary(days, '2026-01-15')).toEqual({ current: 2, longest: 2 });

    // The same local evening in New York (UTC-5) falls on the next UTC day for both hours.
    const newYork = daysOfHours(
      ['2026-01-15T04:00:00Z', '2026-01-15T05:00:00Z'],
      'America/New_York',
    );
    expect(newYork).toEqual(['2026-01-14', '2026-01-15']);
  });

  it('resets the current streak after a missed day and keeps the longest', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-05', '2026-03-06'];
    expect(streakSummary(days, '2026-03-06')).toEqual({ current: 2, longest: 3 });
    expect(streakSummary(days, '2026-03-08')).toEqual({ current: 0, longest: 3 });
  });

  it('keeps the streak while today is not counted yet', () => {
    expect(streakSummary(['2026-03-04', '2026-03-05'], '2026-03-06')).toEqual({
      current: 2,
      longest: 2,
    });
  });

  it('counts a DST day as one day, spring forward and fall back', () => {
    // New York springs forward on 2026-03-08 (02:00 → 03:00): the day has 23 hours.
    const spring = daysOfHours(
      [
        '2026-03-08T04:00:00Z',
        '2026-03-08T06:00:00Z',
        '2026-03-08T07:00:00Z',
        '2026-03-09T23:00:00Z',
      ],
      'America/New_York',
    );
    expect(spring).toEqual(['2026-03-07', '2026-03-08', '2026-03-08', '2026-03-09']);
    expect(streakSummary(spring, '2026-03-09')).toEqual({ current: 3, longest: 3 });

    // It falls back on 2026-11-01 (01:00 twice): 25 hours, still one day.
    const fall = daysOfHours(
      ['2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', '2026-11-02T04:30:00Z'],
      'America/New_York',
    );
    expect(fall).toEqual(['2026-11-01', '2026-11-01', '2026-11-01']);
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
  });

  it('counts a day once however many hours it has, and an imported longest streak stays', () => {
    expect(streakSummary(['2026-03-05', '2026-03-05', '2026-03-06'], '2026-03-06', 40)).toEqual({
      current: 2,
      longest: 40,
    });
    expect(streakSummary([], '2026-03-06')).toEqual({ current: 0, longest: 0 });
  });

  it('turns an imported streak into its days', () => {
    expect(
      importedStreakDays({
        currentStreak: 3,
        lastStreakDay: '2026-03-01',
        history: ['2026-02-20', '2026-02-28'],
      }),
    ).toEqual(['2026-02-20', '2026-02-27', '2026-02-28', '2026-03-01']);
    expect(importedStreakDays({ currentStreak: 5, lastStreakDay: null, history: [] })).toEqual([]);
  });

  it('shows eight whole weeks from a Monday, the last one ending today', () => {
    const days = calendarDays('2026-03-11');
    expect(days[0]).toBe('2026-01-19');
    expect(new Date(`${days[0]}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(days.at(-1)).toBe('2026-03-11');
    expect(days).toHaveLength(7 * 7 + 3);
  });
});

describe('experience and levels', () => {
  it('has a level curve where each level asks 100 XP more than the last', () => {
    expect([1, 2, 3, 4, 5].map(experienceForLevel)).toEqual([0, 100, 300, 600, 1000]);
    expect([0, 99, 100, 299, 300, 1000].map(levelForExperience)).toEqual([1, 1, 2, 2, 3, 5]);
    expect(levelProgress(450)).toEqual({
      level: 3,
      experiencePoints: 450,
      levelStartsAt: 300,
      nextLevelAt: 600,
    });
  });

  it('keeps an imported level as a floor', () => {
    expect(levelProgress(150, 4)).toMatchObject({
      level: 4,
      levelStartsAt: 600,
      nextLevelAt: 1000,
    });
    expect(levelProgress(1500, 2).level).toBe(6);
  });

  it('earns XP from counted impressions and completed campaigns', () => {
    expect(
      experiencePoints({
        ...counters,
        countedImpressions: 345,
        completedCampaigns: 2,
        importedExperience: 7,
      }),
    ).toBe(34 + 2 * 250 + 7);
  });
});

describe('reputation', () => {
  it('grows with campaigns completed and drops with a removal for fraud', () => {
    expect(reputationPoints({ ...counters, completedCampaigns: 8 })).toBe(80);
    expect(reputationPoints({ ...counters, completedCampaigns: 8, fraudRemovals: 1 })).toBe(30);
    expect(reputationPoints({ ...counters, completedCampaigns: 8, violationRemovals: 1 })).toBe(70);
  });

  it('never shows below zero, and a fraud is owed back before it grows again', () => {
    expect(reputationPoints({ ...counters, completedCampaigns: 2, fraudRemovals: 1 })).toBe(0);
    expect(reputationPoints({ ...counters, completedCampaigns: 6, fraudRemovals: 1 })).toBe(10);
    expect(reputationPoints({ ...counters, importedReputation: 120, fraudRemovals: 1 })).toBe(70);
  });

  it('lowers it only for fraud and violations, not for a brand or admin decision', () => {
    expect(removalCounter('fraud')).toBe('fraudRemovals');
    expect(removalCounter('violation')).toBe('violationRemovals');
    expect(removalCounter('brand_decision')).toBeNull();
    expect(removalCounter('admin_decision')).toBeNull();
  });

  it('credits a completion once, to a participant still in it who delivered', () => {
    const delivered = {
      status: 'active',
      countedImpressions: 4,
      completionCredited: false,
    } as const;
    expect(earnsCompletion(delivered)).toBe(true);
    expect(earnsCompletion({ ...delivered, completionCredited: true })).toBe(false);
    expect(earnsCompletion({ ...delivered, countedImpressions: 0 })).toBe(false);
    expect(earnsCompletion({ ...delivered, status: 'removed' })).toBe(false);
    expect(earnsCompletion({ ...delivered, status: 'left' })).toBe(false);
  });
});

describe('counted hours', () => {
  it('counts a duplicate once and a re-count by its difference', () => {
    expect(hourCountChange(null, { revision: 1, impressions: 12 })).toBe(12);
    expect(
      hourCountChange({ revision: 1, impressions: 12 }, { revision: 1, impressions: 12 }),
    ).toBeNull();
    expect(
      hourCountChange({ revision: 2, impressions: 15 }, { revision: 1, impressions: 12 }),
    ).toBeNull();
    expect(
      hourCountChange({ revision: 1, impressions: 12 }, { revision: 2, impressions: 15 }),
    ).toBe(3);
    expect(hourCountChange({ revision: 2, impressions: 15 }, { revision: 3, impressions: 9 })).toBe(
      -6,
    );
  });
});
