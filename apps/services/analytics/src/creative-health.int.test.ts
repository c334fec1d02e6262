import { randomUUID } from 'node:crypto';
import { failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsHarness } from './testing/analytics-harness';
import { analyticsTestServiceSecret, startAnalyticsHarness } from './testing/analytics-harness';
import { campaignsStandIn } from './testing/campaigns-stand-in';
import type { OverlayKeysStandIn } from './testing/overlay-keys-stand-in';
import { startOverlayKeysStandIn } from './testing/overlay-keys-stand-in';

const cast = testCast();
const now = new Date('2026-11-24T21:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const broken = randomUUID();
const healthy = randomUUID();
const campaigns = campaignsStandIn({ [broken]: cast.brandA.userId, [healthy]: cast.brandA.userId });
const streamers = {
  a: { key: 'key-streamer-a', overlayId: randomUUID(), streamerId: cast.streamerA.userId },
  b: { key: 'key-streamer-b', overlayId: randomUUID(), streamerId: cast.streamerB.userId },
};

let issuer: TestTokenIssuer;
let overlays: OverlayKeysStandIn;
let harness: AnalyticsHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  overlays = await startOverlayKeysStandIn(analyticsTestServiceSecret);
  for (const { key, overlayId, streamerId } of Object.values(streamers)) {
    overlays.setOverlay(key, { overlayId, streamerId, live: true, viewers: 50 });
  }
  harness = await startAnalyticsHarness({
    jwksUrl: issuer.jwksUrl,
    overlayServiceUrl: overlays.url,
    campaigns,
    now: () => now,
  });
});
afterAll(async () => {
  await harness.close();
  await overlays.close();
  await issuer.close();
});

const failed = (campaignId: string, participationId: string, at: string) => ({
  id: randomUUID(),
  type: 'creative_failed',
  at,
  adId: randomUUID(),
  participationId,
  campaignId,
});

describe('creative not loading', () => {
  it('records an overlay’s creative_failed reports for the streamer and the brand to see, with when', async () => {
    const onA = randomUUID();
    const onB = randomUUID();
    const reportA = failed(broken, onA, minutesAgo(30));
    expect((await harness.ingest(streamers.a.key, { events: [reportA, failed(broken, onA, minutesAgo(5))] })).body).toEqual({
      accepted: 2,
      refused: [],
    });
    // A replay of an older report never moves the time back.
    await harness.ingest(streamers.a.key, { events: [reportA] });
    await harness.ingest(streamers.b.key, { events: [failed(broken, onB, minutesAgo(20))] });

    const brand = harness.client(await issuer.tokenFor(cast.brandA));
    expect(await brand.analytics.campaignCreativeHealth.query({ campaignId: broken })).toEqual({
      campaignId: broken,
      since: new Date('2026-11-23T21:00:00.000Z'),
      failingStreams: 2,
      lastFailedAt: new Date(minutesAgo(5)),
    });
    expect(await brand.analytics.campaignCreativeHealth.query({ campaignId: healthy })).toMatchObject({
      failingStreams: 0,
      lastFailedAt: null,
    });

    const streamer = harness.client(await issuer.tokenFor(cast.streamerA));
    expect(await streamer.analytics.myCreativeFailures.query()).toEqual([
      { campaignId: broken, participationId: onA, lastFailedAt: new Date(minutesAgo(5)) },
    ]);
  });

  it('never counts a failure as delivery, and keeps it out of the event table', async () => {
    const campaignId = randomUUID();
    await harness.ingest(streamers.a.key, { events: [failed(campaignId, randomUUID(), minutesAgo(1))] });
    expect(await harness.db.$queryRaw`SELECT count(*)::int AS n FROM overlay_events WHERE "campaignId" = ${campaignId}::uuid`).toEqual([{ n: 0 }]);
  });

  it('forgets a failure after a day, and refuses one from an implausible time', async () => {
    const campaignId = randomUUID();
    campaigns.setOwner(campaignId, cast.brandA.userId);
    const late = failed(campaignId, randomUUID(), minutesAgo(25 * 60));
    const ahead = failed(campaignId, randomUUID(), minutesAgo(-10));
    expect((await harness.ingest(streamers.a.key, { events: [late, ahead] })).body).toEqual({
      accepted: 1,
      refused: [{ id: ahead.id, reason: 'in_future' }],
    });
    const brand = harness.client(await issuer.tokenFor(cast.brandA));
    expect(await brand.analytics.campaignCreativeHealth.query({ campaignId })).toMatchObject({ failingStreams: 0 });
  });

  it('shows a campaign’s creative health to its brand only', async () => {
    const other = harness.client(await issuer.tokenFor(cast.brandB));
    expect(await failure(other.analytics.campaignCreativeHealth.query({ campaignId: broken }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const streamer = harness.client(await issuer.tokenFor(cast.streamerA));
    expect(await failure(streamer.analytics.campaignCreativeHealth.query({ campaignId: broken }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const brand = harness.client(await issuer.tokenFor(cast.brandA));
    expect(await failure(brand.analytics.myCreativeFailures.query())).toMatchObject({ code: 'FORBIDDEN' });
  });
});
