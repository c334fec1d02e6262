import { randomBytes } from 'node:crypto';
import { fixedClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamerHarness } from './testing/streamer-harness';
import { startStreamerHarness, streamerTestPortalUrl } from './testing/streamer-harness';

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

const profile = {
  displayName: 'Pat Plays',
  content: {
    primaryCategory: 'rpg' as const,
    secondaryCategories: [],
    language: 'en' as const,
    rating: 'everyone' as const,
  },
  demographics: { country: 'GB' as const, timezone: 'Europe/London' },
};

describe('connecting YouTube', () => {
  it('asks Google for offline read-only access and connects the channel with its numbers', async () => {
    const { streamerA } = testCast();
    const token = await issuer.tokenFor(streamerA);
    const api = harness.client(token);
    await api.streamer.onboard.mutate(profile);
    const handle = `yt${randomBytes(4).toString('hex')}`;
    const channel = harness.youtube.addChannel({
      handle,
      title: 'Pat Plays',
      subscribers: 2500,
      views: 400_000,
      liveViewers: 60,
    });

    const { url } = await api.streamer.platforms.authorizationUrl.mutate({
      platform: 'youtube',
      redirectUri: `${streamerTestPortalUrl}/connect/youtube`,
    });
    expect(Object.fromEntries(new URL(url).searchParams)).toMatchObject({
      client_id: harness.config.YOUTUBE_CLIENT_ID,
      scope: 'https://www.googleapis.com/auth/youtube.readonly',
      access_type: 'offline',
      response_type: 'code',
    });

    const connected = await harness.connectYoutube(token, handle);
    expect(connected).toMatchObject({
      platform: 'youtube',
      channelId: channel.id,
      username: handle,
      channelUrl: `https://www.youtube.com/@${handle}`,
      verified: true,
      live: true,
      metrics: { followers: 2500, averageViewers: 60, totalViews: 400_000 },
    });
    await expect(api.streamer.me.query()).resolves.toMatchObject({
      metrics: { followers: 2500, averageViewers: 60, live: true },
    });
  });

  it('counts the best of Twitch and YouTube, syncs YouTube and refreshes its token', async () => {
    const { streamerB } = testCast();
    const token = await issuer.tokenFor(streamerB);
    const { streamerId } = await harness.onboardedStreamer(token, {
      categories: ['rpg'],
      language: 'en',
      country: 'GB',
      followers: 800,
      averageViewers: 90,
    });
    const handle = `yt${randomBytes(4).toString('hex')}`;
    harness.youtube.addChannel({ handle, subscribers: 3000 });
    await harness.connectYoutube(token, handle);
    await harness.metricsSyncIdle();
    const api = harness.client(token);
    await expect(api.streamer.me.query()).resolves.toMatchObject({
      metrics: { followers: 3000, averageViewers: 90, live: false },
    });

    harness.youtube.expireAccessTokens();
    harness.youtube.setSubscribers(handle, 3100);
    harness.youtube.setLive(handle, 250);
    const tokenCalls = harness.youtube.calls().filter((call) => call === 'POST /token').length;
    await harness.syncMetrics(streamerId);
    expect(harness.youtube.calls().filter((call) => call === 'POST /token').length).toBe(
      tokenCalls + 1,
    );
    const metrics = await api.streamer.metrics.query({});
    expect(metrics).toMatchObject({ followers: 3100, averageViewers: 250, live: true });
    expect(metrics.platforms.map((platform) => platform.platform)).toEqual(['twitch', 'youtube']);
  });
});
