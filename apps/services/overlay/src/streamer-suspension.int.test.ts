import { randomUUID } from 'node:crypto';
import type { CampaignDeliveryInfo } from '@gametriggers/contracts';
import { runningClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayHarness } from './testing/overlay-harness';
import { startOverlayHarness } from './testing/overlay-harness';
import { connectOverlayPage } from './testing/overlay-page';

let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let harness: OverlayHarness;
const info: CampaignDeliveryInfo = {
  campaignId: randomUUID(),
  brandName: 'Acme',
  title: 'Acme energy',
  creative: { type: 'image', url: 'https://cdn.example.com/acme.png' },
  clickThroughUrl: 'https://acme.example.com',
  frequency: { adDurationSeconds: 1, minMinutesBetweenShows: 0, maxShowsPerHour: 60 },
  pricing: { model: 'cpm', rateCents: 500 },
  status: 'active',
  impressions: 0,
  clicks: 0,
};
const clock = runningClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startOverlayHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    campaigns: { deliveryInfo: () => Promise.resolve([info]) },
  });
});

afterAll(async () => {
  await harness.close();
  await issuer.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a suspended streamer’s overlay', { timeout: 60_000 }, () => {
  it('stops at once (ad hidden, key refused) and resumes on reactivation', async () => {
    const person = testCast().streamerB;
    const streamerId = person.userId;
    const token = await issuer.tokenFor(person);
    const { overlayId, key } = await harness.createOverlayFor(token);
    await harness
      .client(token)
      .overlay.updateSettings.mutate({ breakSeconds: 1, maxAdsPerHour: 120 });
    const page = await connectOverlayPage({
      serviceUrl: harness.url,
      realtime: harness.realtime,
      overlayId,
      key,
    });
    const resolveKey = () =>
      harness.serviceClient('analytics').overlay.internal.resolveKey.query({ key });
    try {
      await harness.sendEvent('participation.joined', {
        participationId: randomUUID(),
        campaignId: info.campaignId,
        brandId: randomUUID(),
        streamerId,
        clickCode: `code${randomUUID().slice(0, 8)}`,
      });
      await harness.sendEvent('streamer.live_status_changed', {
        streamerId,
        live: true,
        viewers: 50,
      });
      await page.next('ad.show');

      await harness.sendEvent('user.suspended', {
        userId: streamerId,
        role: 'streamer',
        suspendedAt: clock.now().toISOString(),
      });
      expect(await resolveKey()).toBeNull();
      const showsBefore = page.received.filter((event) => event.event === 'ad.show').length;
      await sleep(3_000);
      expect(page.received.filter((event) => event.event === 'ad.show')).toHaveLength(showsBefore);
      expect(await harness.db.adShow.count({ where: { overlayId, hiddenAt: null } })).toBe(0);

      await harness.sendEvent('user.reactivated', { userId: streamerId, role: 'streamer' });
      expect(await resolveKey()).toMatchObject({ overlayId, streamerId });
      await page.next('ad.show');
    } finally {
      page.close();
    }
  });

  it('ignores brands and admins, and a suspension older than the last reactivation', async () => {
    const streamerId = randomUUID();
    await harness.sendEvent('user.suspended', {
      userId: randomUUID(),
      role: 'brand',
      suspendedAt: clock.now().toISOString(),
    });
    await harness.sendEvent(
      'user.reactivated',
      { userId: streamerId, role: 'streamer' },
      { occurredAt: new Date(Date.UTC(2026, 10, 2)) },
    );
    await harness.sendEvent(
      'user.suspended',
      {
        userId: streamerId,
        role: 'streamer',
        suspendedAt: new Date(Date.UTC(2026, 10, 1)).toISOString(),
      },
      { occurredAt: new Date(Date.UTC(2026, 10, 1)) },
    );
    expect(await harness.db.streamerSuspension.findUnique({ where: { streamerId } })).toMatchObject(
      { suspended: false },
    );
  });
});
