import {
  onboardStreamerInput,
  searchStreamersInput,
  setStreamingScheduleInput,
  updateStreamerProfileInput,
} from '@gametriggers/contracts';
import { describe, expect, it } from 'vitest';

const valid = {
  displayName: '  Pat Plays ',
  content: { primaryCategory: 'fps', secondaryCategories: ['rpg'], language: 'en', rating: 'teen' },
  demographics: { country: 'US', timezone: 'America/New_York' },
};

const failedPaths = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[] }> };
}) => result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('onboarding input', () => {
  it('accepts a complete profile and trims the name', () => {
    const parsed = onboardStreamerInput.parse(valid);
    expect(parsed.displayName).toBe('Pat Plays');
    expect(parsed.demographics.streamingSchedule).toBeNull();
  });

  it.each([
    [{ ...valid, displayName: 'P' }, 'displayName'],
    [
      { ...valid, content: { ...valid.content, primaryCategory: 'cooking' } },
      'content.primaryCategory',
    ],
    [
      {
        ...valid,
        content: {
          ...valid.content,
          secondaryCategories: ['rpg', 'moba', 'indie', 'retro', 'horror', 'music'],
        },
      },
      'content.secondaryCategories',
    ],
    [
      { ...valid, content: { ...valid.content, secondaryCategories: ['fps'] } },
      'content.secondaryCategories',
    ],
    [
      { ...valid, content: { ...valid.content, secondaryCategories: ['rpg', 'rpg'] } },
      'content.secondaryCategories',
    ],
    [{ ...valid, content: { ...valid.content, rating: 'adult' } }, 'content.rating'],
    [
      { ...valid, demographics: { ...valid.demographics, timezone: 'Mars/Olympus' } },
      'demographics.timezone',
    ],
    [{ ...valid, demographics: { ...valid.demographics, country: 'XX' } }, 'demographics.country'],
  ])('refuses a bad field %#', (input, path) => {
    expect(failedPaths(onboardStreamerInput.safeParse(input))).toContain(path);
  });
});

describe('schedule input', () => {
  it('accepts an overnight window and a cleared schedule', () => {
    expect(
      setStreamingScheduleInput.parse({
        schedule: { days: ['fri', 'sat'], startTime: '22:00', endTime: '02:00' },
      }),
    ).toBeTruthy();
    expect(setStreamingScheduleInput.parse({ schedule: null })).toEqual({ schedule: null });
  });

  it.each([
    [{ days: ['mon', 'mon'], startTime: '18:00', endTime: '20:00' }, 'schedule.days'],
    [{ days: ['mon'], startTime: '18:00', endTime: '18:00' }, 'schedule.endTime'],
    [{ days: ['mon'], startTime: '25:00', endTime: '18:00' }, 'schedule.startTime'],
    [{ days: ['someday'], startTime: '10:00', endTime: '18:00' }, 'schedule.days.0'],
  ])('refuses %j', (schedule, path) => {
    expect(failedPaths(setStreamingScheduleInput.safeParse({ schedule }))).toContain(path);
  });
});

describe('profile update input', () => {
  it('needs at least one section', () => {
    expect(updateStreamerProfileInput.safeParse({}).success).toBe(false);
    expect(updateStreamerProfileInput.safeParse({ displayName: 'New Name' }).success).toBe(true);
  });
});

describe('search input', () => {
  it('defaults to everyone, most followed first, 20 per page', () => {
    expect(searchStreamersInput.parse({})).toEqual({
      categories: [],
      languages: [],
      countries: [],
      liveOnly: false,
      sort: 'followers',
      limit: 20,
    });
  });

  it('refuses unknown vocabulary and negative minimums', () => {
    expect(
      failedPaths(searchStreamersInput.safeParse({ categories: ['cooking'], minFollowers: -1 })),
    ).toEqual(['categories.0', 'minFollowers']);
  });
});
