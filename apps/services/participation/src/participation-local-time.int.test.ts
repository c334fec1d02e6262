import type { CampaignInput } from '@gametriggers/contracts';
import { fixedClock, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipationStack } from './testing/participation-stack';
import { startParticipationStack } from './testing/participation-stack';

// Cool-offs count real hours; energy refills at the streamer's local midnight. These tests put the
// clock where the two meet: late evening in New York, and the mornings its clocks change.
const clock = fixedClock(testInstants.newYorkAfternoon);
let stack: ParticipationStack;
const HOUR = 3_600_000;

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

/** Two brands' campaigns for the same key, with a two-hour cool-off. */
async function rivalCampaigns() {
  const { brandA, brandB } = stack.cast;
  const fps: Partial<CampaignInput> = { regions: ['US'], categories: ['fps'], gkeyCooloffHours: 2 };
  const first = await stack.runningCampaign(brandA, { ...fps, title: 'Brand A' });
  const second = await stack.runningCampaign(brandB, { ...fps, title: 'Brand B' });
  return { first, second };
}

describe('a cool-off that crosses the streamer’s local midnight', () => {
  it('ends after its hours, and the join after it lands on the new day’s energy', async () => {
    clock.set(testInstants.newYorkLateEvening);
    const streamer = await newYorkStreamer('night-owl');
    const api = await stack.as(streamer);
    const { first, second } = await rivalCampaigns();

    const joined = await api.participation.join.mutate({ campaignId: first.id });
    expect(joined.energy.used).toBe(1);
    const left = await api.participation.leave.mutate({ participationId: joined.participation.id });
    const tonight = await api.participation.energy.get.query();
    expect(tonight.resetsAt.toISOString()).toBe('2026-01-15T05:00:00.000Z');

    clock.advance(2 * HOUR + 1_000);
    expect(clock.now().getTime() - left.endedAt!.getTime()).toBeGreaterThan(2 * HOUR);
    const tomorrow = await api.participation.join.mutate({ campaignId: second.id });
    expect(tomorrow.participation).toMatchObject({ status: 'active', gkeyCategory: 'fps' });
    expect(tomorrow.energy).toMatchObject({ used: 1, remaining: 9 });
    expect((await api.participation.energy.get.query()).resetsAt.toISOString()).toBe(
      '2026-01-16T05:00:00.000Z',
    );
  });
});

describe('daylight-saving changes in the streamer’s timezone', () => {
  it('spring forward: the cool-off lasts two real hours and the 23-hour day keeps its energy', async () => {
    clock.set(testInstants.newYorkBeforeSpringForward);
    const streamer = await newYorkStreamer('spring');
    const api = await stack.as(streamer);
    const { first, second } = await rivalCampaigns();

    const joined = await api.participation.join.mutate({ campaignId: first.id });
    const left = await api.participation.leave.mutate({ participationId: joined.participation.id });
    const fps = (await api.participation.keys.list.query()).find((key) => key.category === 'fps');
    expect(fps!.cooloffUntil!.getTime() - left.endedAt!.getTime()).toBe(2 * HOUR);

    clock.advance(2 * HOUR + 1_000); // 01:30 EST → 04:30 EDT, the same local day
    const after = await api.participation.join.mutate({ campaignId: second.id });
    expect(after.energy.used).toBe(2);
    const energy = await api.participation.energy.get.query();
    expect(energy.resetsAt.toISOString()).toBe('2026-03-09T04:00:00.000Z');

    clock.set(new Date(energy.resetsAt.getTime() + 1));
    expect(await api.participation.energy.get.query()).toMatchObject({ used: 0, remaining: 10 });
  });

  it('fall back: the repeated hour does not stretch the cool-off, and the 25-hour day keeps its energy', async () => {
    clock.set(testInstants.newYorkBeforeFallBack);
    const streamer = await newYorkStreamer('autumn');
    const api = await stack.as(streamer);
    const { first, second } = await rivalCampaigns();

    const joined = await api.participation.join.mutate({ campaignId: first.id });
    const left = await api.participation.leave.mutate({ participationId: joined.participation.id });
    const fps = (await api.participation.keys.list.query()).find((key) => key.category === 'fps');
    expect(fps!.cooloffUntil!.getTime() - left.endedAt!.getTime()).toBe(2 * HOUR);

    clock.advance(2 * HOUR + 1_000); // 01:30 EDT → 02:30 EST, the same local day
    const after = await api.participation.join.mutate({ campaignId: second.id });
    expect(after.energy.used).toBe(2);
    expect((await api.participation.energy.get.query()).resetsAt.toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });
});
