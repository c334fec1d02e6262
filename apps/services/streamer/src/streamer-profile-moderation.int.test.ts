import { randomUUID } from 'node:crypto';
import type { EventPayload } from '@gametriggers/events';
import { fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleStreamerProfile } from './testing/streamer-fixtures';
import type { StreamerHarness } from './testing/streamer-harness';
import { startStreamerHarness } from './testing/streamer-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
let issuer: TestTokenIssuer;
let harness: StreamerHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

async function as(person: TestPerson) {
  return harness.client(await issuer.tokenFor(person));
}


function profileEventsOf(streamerId: string) {
  return harness.service.deps.db.outboxEvent.findMany({
    where: { type: 'streamer.profile_changed', payload: { path: ['streamerId'], equals: streamerId } },
    orderBy: { occurredAt: 'asc' },
  });
}

/** A moderator's decision about the profile submitted at `contentSubmittedAt`, as the admin service sends it. */
const decision = (streamerId: string, contentSubmittedAt: string) =>
  ({
    itemId: randomUUID(),
    kind: 'streamer_profile',
    subjectId: streamerId,
    decidedBy: randomUUID(),
    contentSubmittedAt,
  }) satisfies EventPayload<'moderation.content_approved'>;

const searchAsBrand = async (query: string) =>
  (await as(testCast().brandA)).streamer.search.query({ query, limit: 50 });

describe('sending the public profile to moderation', () => {
  it('sends it at onboarding and when its public part changes, not for the schedule or the country', async () => {
    const { streamerA } = testCast();
    const api = await as(streamerA);
    clock.set('2026-03-10T18:00:00Z');
    await api.streamer.onboard.mutate(sampleStreamerProfile('Pat Plays'));
    clock.set('2026-03-10T18:05:00Z');
    await api.streamer.updateProfile.mutate({
      demographics: { country: 'CA', timezone: 'America/Toronto' },
    });
    await api.streamer.setSchedule.mutate({
      schedule: { days: ['mon'], startTime: '18:00', endTime: '22:00' },
    });
    clock.set('2026-03-10T18:10:00Z');
    const updated = await api.streamer.updateProfile.mutate({ displayName: 'Pat Streams' });

    expect((await profileEventsOf(streamerA.userId)).map((event) => event.payload)).toMatchObject([
      {
        streamerId: streamerA.userId,
        profile: {
          displayName: 'Pat Plays',
          primaryCategory: 'fps',
          secondaryCategories: ['rpg'],
          language: 'en',
          rating: 'teen',
          submittedAt: '2026-03-10T18:00:00.000Z',
        },
      },
      {
        streamerId: streamerA.userId,
        profile: { displayName: 'Pat Streams', submittedAt: '2026-03-10T18:10:00.000Z' },
      },
    ]);
    expect(updated.profileModeration).toEqual({ status: 'pending', reason: null, decidedAt: null });
  });
});

describe('moderation’s decisions', () => {
  it('hides a rejected name from cards and search until the streamer changes it; the streamer sees why', async () => {
    const { streamerA, brandA } = testCast();
    const api = await as(streamerA);
    clock.set('2026-03-11T09:00:00Z');
    await api.streamer.onboard.mutate(sampleStreamerProfile('Rude Name 4821'));
    clock.set('2026-03-11T10:00:00Z');
    await harness.events.send('moderation.content_rejected', {
      ...decision(streamerA.userId, '2026-03-11T09:00:00.000Z'),
      reason: 'Offensive display name',
    });

    const card = await (await as(brandA)).streamer.get.query({ streamerId: streamerA.userId });
    expect(card.displayName).toBe('Streamer (profile hidden)');
    expect((await searchAsBrand('rude name 4821')).items).toEqual([]);
    expect(await api.streamer.me.query()).toMatchObject({
      displayName: 'Rude Name 4821',
      profileModeration: {
        status: 'rejected',
        reason: 'Offensive display name',
        decidedAt: new Date('2026-03-11T10:00:00Z'),
      },
    });

    clock.set('2026-03-11T11:00:00Z');
    const edited = await api.streamer.updateProfile.mutate({ displayName: 'Kind Name 4821' });
    expect(edited.profileModeration).toEqual({ status: 'pending', reason: null, decidedAt: null });
    expect((await searchAsBrand('kind name 4821')).items.map((item) => item.displayName)).toEqual([
      'Kind Name 4821',
    ]);
  });

  it('ignores a decision about a profile since changed; an approval clears a rejection', async () => {
    const { streamerA, brandA } = testCast();
    const api = await as(streamerA);
    clock.set('2026-03-12T09:00:00Z');
    await api.streamer.onboard.mutate(sampleStreamerProfile('First Name 7312'));
    clock.set('2026-03-12T09:30:00Z');
    await api.streamer.updateProfile.mutate({ displayName: 'Second Name 7312' });
    const cardName = async () =>
      (await (await as(brandA)).streamer.get.query({ streamerId: streamerA.userId })).displayName;

    await harness.events.send('moderation.content_rejected', {
      ...decision(streamerA.userId, '2026-03-12T09:00:00.000Z'),
      reason: 'The first name was rude',
    });
    expect(await cardName()).toBe('Second Name 7312');

    await harness.events.send('moderation.content_rejected', {
      ...decision(streamerA.userId, '2026-03-12T09:30:00.000Z'),
      reason: 'Still rude',
    });
    expect(await cardName()).toBe('Streamer (profile hidden)');

    await harness.events.send(
      'moderation.content_approved',
      decision(streamerA.userId, '2026-03-12T09:30:00.000Z'),
    );
    expect(await cardName()).toBe('Second Name 7312');
    expect((await api.streamer.me.query())?.profileModeration).toMatchObject({
      status: 'approved',
      reason: null,
    });
    expect((await searchAsBrand('second name 7312')).items).toHaveLength(1);
  });
});
