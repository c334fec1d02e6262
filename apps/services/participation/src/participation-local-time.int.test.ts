import type { CampaignInput } from '@gametriggers/contracts';
import { fixedClock, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ParticipationStack } from './testing/participation-stack';
import { startParticipationStack } from './testing/participation-stack';

// Cool-offs count real hours; energy refills at the streamer's local midnight. These tests put the
// clock where the two meet: late evening in New York, and the mornings its clocks change.
const clock = fixedClock(testInstants.newYorkAfternoon);
let stack: ParticipationStack;
const HOUR = 3_600_000;
const COOLOFF_HOURS = 2;

beforeAll(async () => {
  stack = await startParticipationStack({ clock });
}, 120_000);
afterAll(() => stack?.close());

async function newYorkStreamer(label: string) {
  const person = stack.extra('streamer', label);
  await stack.onboarded(person, {
    language: 'en',
    country: 'US',
    timezone: 'America/New_York',
    followers: 1_000,
    averageViewers: 50,
    categories: ['fps'],
  });
  return person;
}

/** Two brands' campaigns for the same key, with a cool-off of `COOLOFF_HOURS`. */
async function rivalCampaigns() {
  const { brandA, brandB } = stack.cast;
  const fps: Partial<CampaignInput> = {
    regions: ['US'],
    categories: ['fps'],
    gkeyCooloffHours: COOLOFF_HOURS,
  };
  const first = await stack.runningCampaign(brandA, { ...fps, title: 'Brand A' });
  const second = await stack.runningCampaign(brandB, { ...fps, title: 'Brand B' });
  return { first, second };
}

/**
 * Each case joins one campaign, leaves it (starting its key's cool-off), waits the
 * cool-off out and joins a rival on the same key: where the energy day ends before and after.
 */
const cases = [
  {
    when: 'late evening: the cool-off crosses local midnight, so the second join spends the new day’s energy',
    at: testInstants.newYorkLateEvening,
    streamer: 'night-owl',
    dayEndsAtFirstJoin: '2026-01-15T05:00:00.000Z',
    usedAfterSecondJoin: 1,
    dayEndsAtSecondJoin: '2026-01-16T05:00:00.000Z',
  },
  {
    // 01:30 EST → 04:30 EDT: the same local day, 23 hours long.
    when: 'spring forward: the cool-off lasts two real hours and the short day keeps its energy',
    at: testInstants.newYorkBeforeSpringForward,
    streamer: 'spring',
    dayEndsAtFirstJoin: '2026-03-09T04:00:00.000Z',
    usedAfterSecondJoin: 2,
    dayEndsAtSecondJoin: '2026-03-09T04:00:00.000Z',
  },
  {
    // 01:30 EDT → 02:30 EST: the same local day, 25 hours long.
    when: 'fall back: the repeated hour does not stretch the cool-off and the long day keeps its energy',
    at: testInstants.newYorkBeforeFallBack,
    streamer: 'autumn',
    dayEndsAtFirstJoin: '2026-11-02T05:00:00.000Z',
    usedAfterSecondJoin: 2,
    dayEndsAtSecondJoin: '2026-11-02T05:00:00.000Z',
  },
];

it.each(cases)(
  '$when',
  async ({ at, streamer: label, dayEndsAtFirstJoin, usedAfterSecondJoin, dayEndsAtSecondJoin }) => {
    clock.set(at);
    const api = await stack.as(await newYorkStreamer(label));
    const { first, second } = await rivalCampaigns();

    const joined = await api.participation.join.mutate({ campaignId: first.id });
    expect(joined.energy.used).toBe(1);
    const left = await api.participation.leave.mutate({ participationId: joined.participation.id });
    expect((await api.participation.energy.get.query()).resetsAt.toISOString()).toBe(
      dayEndsAtFirstJoin,
    );
    const fps = (await api.participation.keys.list.query()).find((key) => key.category === 'fps');
    expect(fps!.cooloffUntil!.getTime() - left.endedAt!.getTime()).toBe(COOLOFF_HOURS * HOUR);

    clock.advance(COOLOFF_HOURS * HOUR + 1_000);
    const after = await api.participation.join.mutate({ campaignId: second.id });
    expect(after.participation).toMatchObject({ status: 'active', gkeyCategory: 'fps' });
    expect(after.energy.used).toBe(usedAfterSecondJoin);
    const energy = await api.participation.energy.get.query();
    expect(energy.resetsAt.toISOString()).toBe(dayEndsAtSecondJoin);

    clock.set(new Date(energy.resetsAt.getTime() + 1));
    expect(await api.participation.energy.get.query()).toMatchObject({ used: 0, remaining: 10 });
  },
);
