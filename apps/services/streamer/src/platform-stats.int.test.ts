import {
  failure,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamerHarness } from './testing/streamer-harness';
import { startStreamerHarness } from './testing/streamer-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let issuer: TestTokenIssuer;
let harness: StreamerHarness;

const as = async (person: TestPerson) => harness.client(await issuer.tokenFor(person));

const profile = (displayName: string) => ({
  displayName,
  content: {
    primaryCategory: 'fps' as const,
    secondaryCategories: [],
    language: 'en' as const,
    rating: 'teen' as const,
  },
  demographics: { country: 'US' as const, timezone: 'America/New_York' },
});

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  await (await as(cast.streamerA)).streamer.onboard.mutate(profile('Nina Plays'));
  await (await as(cast.streamerB)).streamer.onboard.mutate(profile('Luis Live'));
  // Live status comes from the platforms' metric syncs; here it is set as a sync would leave it.
  await harness.service.deps.db.streamer.update({
    where: { id: cast.streamerA.userId },
    data: { live: true, liveViewers: 321 },
  });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

describe('the admin dashboard streamer figures', () => {
  it('counts onboarded and live streamers and their viewers, for any admin', async () => {
    expect(await (await as(cast.powerlessAdmin)).streamer.platformStats.query()).toEqual({
      onboarded: 2,
      liveNow: 1,
      liveViewers: 321,
    });
  });

  it('names the streamers it ranks', async () => {
    const profiles = await (
      await as(cast.powerlessAdmin)
    ).streamer.profilesForAdmin.query({
      streamerIds: [cast.streamerB.userId],
    });
    expect(profiles).toMatchObject([
      { streamerId: cast.streamerB.userId, displayName: 'Luis Live', live: false },
    ]);
  });

  it('is for admins only', async () => {
    expect((await failure((await as(cast.brandA)).streamer.platformStats.query())).code).toBe(
      'FORBIDDEN',
    );
  });
});
