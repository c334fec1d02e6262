import { createServiceClient } from '@gametriggers/trpc';
import { fixedClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamerRouter } from './router';
import type { StreamerHarness } from './testing/streamer-harness';
import { startStreamerHarness, streamerTestServiceSecret } from './testing/streamer-harness';

let issuer: TestTokenIssuer;
let harness: StreamerHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startStreamerHarness({
    jwksUrl: issuer.jwksUrl,
    now: fixedClock(testInstants.newYorkAfternoon).now,
  });
});
afterAll(async () => {
  await harness.close();
  await issuer.close();
});

describe('the harness other services use', () => {
  it('onboards a streamer whose metrics came from the Twitch stand-in', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const { streamerId, profile } = await harness.onboardedStreamer(token, {
      categories: ['fps', 'rpg'],
      language: 'de',
      country: 'DE',
      timezone: 'Europe/Berlin',
      followers: 1200,
      averageViewers: 80,
    });
    expect(streamerId).toBe(streamerA.userId);
    expect(profile.metrics).toEqual({ followers: 1200, averageViewers: 80, live: false });
    expect(profile.platforms).toHaveLength(1);
    expect(profile.platforms[0]).toMatchObject({ platform: 'twitch', verified: true, live: false });

    const services = createServiceClient<StreamerRouter>({
      url: harness.url,
      secret: streamerTestServiceSecret,
      caller: 'campaign',
    });
    await expect(services.streamer.internal.matchingProfile.query({ streamerId })).resolves.toEqual(
      {
        streamerId,
        displayName: profile.displayName,
        categories: ['fps', 'rpg'],
        language: 'de',
        country: 'DE',
        timezone: 'Europe/Berlin',
        followers: 1200,
        averageViewers: 80,
        live: false,
      },
    );
  });

  it('keeps a streamer live when asked', async () => {
    const { streamerB } = testCast();
    const { profile } = await harness.onboardedStreamer(await issuer.tokenFor(streamerB), {
      categories: ['moba'],
      language: 'en',
      country: 'US',
      followers: 50,
      averageViewers: 12,
      live: true,
    });
    expect(profile.metrics).toEqual({ followers: 50, averageViewers: 12, live: true });
  });
});
