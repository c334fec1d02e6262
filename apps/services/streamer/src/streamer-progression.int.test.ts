import { randomUUID } from 'node:crypto';
import { eventQueueName } from '@gametriggers/events';
import type { EventPayload } from '@gametriggers/events';
import { failure, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { createServiceClient } from '@gametriggers/trpc';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamerRouter } from './router';
import type { StreamerHarness } from './testing/streamer-harness';
import { startStreamerHarness, streamerTestServiceSecret } from './testing/streamer-harness';

// Wednesday 11 March 2026, 11:00 in New York (daylight time began on the 8th).
const clock = fixedClock('2026-03-11T15:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: StreamerHarness;

const asService = (secret = streamerTestServiceSecret) =>
  createServiceClient<StreamerRouter>({ url: harness.url, secret, caller: 'importer' });
const as = async (person: TestPerson) => harness.client(await issuer.tokenFor(person));

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  for (const [streamer, timezone] of [
    [cast.streamerA, 'America/New_York'],
    [cast.streamerB, 'Europe/Berlin'],
  ] as const) {
    await harness.onboardedStreamer(await issuer.tokenFor(streamer), {
      categories: ['fps'],
      language: 'en',
      country: 'US',
      timezone,
      followers: 100,
    });
  }
});
afterAll(async () => {
  await harness?.close();
  await issuer?.close();
});

const brandId = randomUUID();
const participationOf = (streamer: TestPerson, campaignId = randomUUID()) => ({
  participationId: randomUUID(),
  campaignId,
  brandId,
  streamerId: streamer.userId,
  clickCode: `code${randomUUID().slice(0, 8)}`,
});
type Participation = ReturnType<typeof participationOf>;

const hourCounted = (
  participation: Participation,
  hourStart: string,
  impressions: number,
  revision = 1,
): EventPayload<'analytics.participation_hour_counted'> => ({
  participationId: participation.participationId,
  campaignId: participation.campaignId,
  streamerId: participation.streamerId,
  hourStart,
  impressions,
  clicks: 0,
  revision,
});

/** Waits until the streamer service's event queue has nothing waiting or running. */
async function eventsSettled() {
  const queue = new Queue(eventQueueName('streamer'), {
    connection: { url: harness.config.REDIS_URL },
    prefix: harness.config.queuePrefix,
  });
  try {
    for (let tries = 0; tries < 250; tries += 1) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((count) => count === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('The streamer service did not settle its events');
  } finally {
    await queue.close();
  }
}

const progressionOf = async (streamer: TestPerson) => {
  const progression = await (await as(streamer)).streamer.progression.mine.query();
  if (!progression) throw new Error('No progression for an onboarded streamer');
  return progression;
};
const reputationOnCard = async (streamer: TestPerson) =>
  (await (await as(cast.brandA)).streamer.get.query({ streamerId: streamer.userId })).reputation;
const searchIds = async (minReputation: number) =>
  (await (await as(cast.brandA)).streamer.search.query({ minReputation })).items.map(
    (item) => item.streamerId,
  );

describe('progression from the platform events', () => {
  const delivered = participationOf(cast.streamerA);

  it('counts each local day with a counted impression, across the time zone midnight', async () => {
    await harness.events.send('participation.joined', delivered);
    // 23:00 and 00:00 in New York on the 9th/10th, then 10:00 today.
    await harness.events.send(
      'analytics.participation_hour_counted',
      hourCounted(delivered, '2026-03-10T03:00:00.000Z', 400),
    );
    await harness.events.send(
      'analytics.participation_hour_counted',
      hourCounted(delivered, '2026-03-10T04:00:00.000Z', 600),
    );
    await harness.events.send(
      'analytics.participation_hour_counted',
      hourCounted(delivered, '2026-03-11T14:00:00.000Z', 1_000),
    );

    const progression = await progressionOf(cast.streamerA);
    expect(progression).toMatchObject({
      timezone: 'America/New_York',
      today: '2026-03-11',
      currentStreak: 3,
      longestStreak: 3,
      countedToday: true,
      countedImpressions: 2_000,
      experiencePoints: 200,
      level: 2,
      levelStartsAt: 100,
      nextLevelAt: 300,
      reputation: 0,
    });
    expect(progression.calendar.filter((day) => day.counted).map((day) => day.day)).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
    ]);
    expect(progression.calendar[0]).toEqual({ day: '2026-01-19', counted: false });
  });

  it('counts a redelivered event once and a re-counted hour by its difference', async () => {
    const recount = hourCounted(delivered, '2026-03-11T14:00:00.000Z', 1_200, 2);
    const eventId = await harness.events.send('analytics.participation_hour_counted', recount);
    await harness.events.send('analytics.participation_hour_counted', recount, { id: eventId });
    await harness.events.send('analytics.participation_hour_counted', recount);
    await harness.events.send(
      'analytics.participation_hour_counted',
      hourCounted(delivered, '2026-03-11T14:00:00.000Z', 5_000, 1),
    );
    await eventsSettled();
    expect(await progressionOf(cast.streamerA)).toMatchObject({
      countedImpressions: 2_200,
      experiencePoints: 220,
    });
  });

  it('credits a completed campaign in XP and reputation, which brands see and filter by', async () => {
    const completed = {
      campaignId: delivered.campaignId,
      brandId,
      title: 'Spring push',
      reason: 'end_date',
    } as const;
    await harness.events.send('campaign.completed', completed);
    await harness.events.send('campaign.completed', completed);
    await eventsSettled();
    expect(await progressionOf(cast.streamerA)).toMatchObject({
      completedCampaigns: 1,
      experiencePoints: 220 + 250,
      level: 3,
      reputation: 10,
    });
    expect(await reputationOnCard(cast.streamerA)).toBe(10);
    expect(await searchIds(10)).toEqual([cast.streamerA.userId]);
    expect(await searchIds(11)).toEqual([]);
  });

  it('credits no completion to a participant who left or never delivered', async () => {
    const campaignId = randomUUID();
    const left = participationOf(cast.streamerA, campaignId);
    const silent = participationOf(cast.streamerB, campaignId);
    await harness.events.send('participation.joined', left);
    await harness.events.send('participation.approved', silent);
    await harness.events.send(
      'analytics.participation_hour_counted',
      hourCounted(left, '2026-03-11T13:00:00.000Z', 300),
    );
    await harness.events.send('participation.left', left);
    await harness.events.send('campaign.completed', {
      campaignId,
      brandId,
      title: 'Quiet',
      reason: 'budget_spent',
    });
    expect(await progressionOf(cast.streamerA)).toMatchObject({
      completedCampaigns: 1,
      reputation: 10,
    });
    expect(await progressionOf(cast.streamerB)).toMatchObject({
      completedCampaigns: 0,
      reputation: 0,
    });
  });

  it('credits delivery counted after the campaign completed', async () => {
    const late = participationOf(cast.streamerB);
    await harness.events.send('participation.joined', late);
    await harness.events.send('campaign.completed', {
      campaignId: late.campaignId,
      brandId,
      title: 'Late hour',
      reason: 'target_reached',
    });
    await harness.events.send(
      'analytics.participation_hour_counted',
      hourCounted(late, '2026-03-11T12:00:00.000Z', 20),
    );
    expect(await progressionOf(cast.streamerB)).toMatchObject({
      completedCampaigns: 1,
      reputation: 10,
    });
    expect(await progressionOf(cast.streamerB)).toMatchObject({
      currentStreak: 1,
      countedToday: true,
    });
  });

  it('lowers reputation once for a removal for fraud, and not for a brand decision', async () => {
    const fraud = participationOf(cast.streamerA);
    const removal = {
      ...fraud,
      reason: 'fraud',
      forfeitEarnings: true,
      removedBy: randomUUID(),
    } as const;
    await harness.events.send('participation.removed', removal);
    await harness.events.send('participation.removed', removal);
    await harness.events.send('participation.removed', {
      ...participationOf(cast.streamerB),
      reason: 'brand_decision',
      forfeitEarnings: false,
      removedBy: brandId,
    });
    await eventsSettled();
    expect(await progressionOf(cast.streamerA)).toMatchObject({
      reputation: 0,
      completedCampaigns: 1,
    });
    expect(await reputationOnCard(cast.streamerA)).toBe(0);
    expect(await progressionOf(cast.streamerB)).toMatchObject({ reputation: 10 });
  });
});

describe('streamer.internal.importProgression', () => {
  const imported = {
    streamerId: cast.streamerB.userId,
    currentStreak: 4,
    longestStreak: 12,
    lastStreakDay: new Date('2026-03-10T00:00:00.000Z'),
    streakDays: [new Date('2026-02-02T00:00:00.000Z')],
    experiencePoints: 1_000,
    level: 7,
    reputationPoints: 35,
  };

  it('sets the old platform’s progression beside what events earned, and twice is once', async () => {
    const first = await asService().streamer.internal.importProgression.mutate(imported);
    const second = await asService().streamer.internal.importProgression.mutate(imported);
    expect(second).toEqual(first);
    expect(second).toMatchObject({
      experiencePoints: 1_000 + 2 + 250,
      level: 7,
      reputation: 45,
      // The 7th to the 10th imported, the 11th counted (in Berlin) from an event.
      currentStreak: 5,
      longestStreak: 12,
    });
    expect(second.calendar.find((day) => day.day === '2026-02-02')).toEqual({
      day: '2026-02-02',
      counted: true,
    });
    expect(await searchIds(40)).toEqual([cast.streamerB.userId]);
  });

  it('replaces an earlier import instead of adding to it', async () => {
    const replaced = await asService().streamer.internal.importProgression.mutate({
      ...imported,
      currentStreak: 0,
      lastStreakDay: null,
      streakDays: [],
      experiencePoints: 0,
      level: 1,
      reputationPoints: 0,
    });
    expect(replaced).toMatchObject({
      experiencePoints: 2 + 250,
      level: 2,
      reputation: 10,
      currentStreak: 1,
      longestStreak: 12,
    });
    expect(replaced.calendar.find((day) => day.day === '2026-02-02')?.counted).toBe(false);
  });

  it('refuses a streamer who has no profile here', async () => {
    expect(
      await failure(
        asService().streamer.internal.importProgression.mutate({
          ...imported,
          streamerId: randomUUID(),
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'streamer_not_found' });
  });
});

describe('authorization', () => {
  const people = cast;
  const imported = () => ({
    streamerId: cast.streamerA.userId,
    currentStreak: 1,
    longestStreak: 1,
    lastStreakDay: null,
    experiencePoints: 1,
    level: 1,
    reputationPoints: 1,
  });

  it.each(Object.keys(people) as Array<keyof typeof people>)(
    'progression.mine and importProgression as %s',
    async (who) => {
      const api = await as(people[who]);
      const streamer = who === 'streamerA' || who === 'streamerB';
      if (streamer) {
        await expect(api.streamer.progression.mine.query()).resolves.toMatchObject({
          streamerId: people[who].userId,
        });
      } else {
        expect(await failure(api.streamer.progression.mine.query())).toMatchObject({
          code: 'FORBIDDEN',
        });
      }
      expect(
        await failure(api.streamer.internal.importProgression.mutate(imported())),
      ).toMatchObject({ code: 'FORBIDDEN' });
    },
  );

  it('answers nobody without a token, and no service with a forged secret', async () => {
    expect(await failure(harness.client().streamer.progression.mine.query())).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(
      await failure(
        asService(
          'another-secret-of-at-least-32-characters',
        ).streamer.internal.importProgression.mutate(imported()),
      ),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('shows a streamer who was never onboarded no progression', async () => {
    const newcomer = testCast().streamerA;
    await expect((await as(newcomer)).streamer.progression.mine.query()).resolves.toBeNull();
  });
});
