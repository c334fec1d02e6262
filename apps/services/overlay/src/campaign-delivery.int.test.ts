import { randomUUID } from 'node:crypto';
import type { CampaignHarness } from '@gametriggers/campaign-service/testing';
import { startCampaignHarness } from '@gametriggers/campaign-service/testing';
import { runningClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverlayHarness } from './testing/overlay-harness';
import { connectOverlayPage, startOverlayHarness } from './testing/overlay-harness';

let issuer: Awaited<ReturnType<typeof startTestTokenIssuer>>;
let campaigns: CampaignHarness;
let harness: OverlayHarness;
/** Both services' clock: from 14:00 New York on, at real speed (ads show and hide on real timers). */
const clock = runningClock(testInstants.newYorkAfternoon);
const cast = testCast();

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  campaigns = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: 'http://127.0.0.1:1',
    streamerServiceUrl: 'http://127.0.0.1:1',
    clock,
    brands: {
      standing: (brandId) => Promise.resolve({ brandId, companyName: 'Acme', verificationStatus: 'verified' }),
    },
  });
  // Sharing the campaign service's queues: its campaign.* events reach the overlay service.
  harness = await startOverlayHarness({
    jwksUrl: issuer.jwksUrl,
    campaignServiceUrl: campaigns.url,
    queuePrefix: campaigns.config.queuePrefix,
    now: clock.now,
  });
});

afterAll(async () => {
  await harness.close();
  await campaigns.close();
  await issuer.close();
});

describe('with the real campaign service', () => {
  it('shows the campaign’s own creative and link, and hides it when the brand pauses the campaign', async () => {
    const brandToken = await issuer.tokenFor(cast.brandA);
    const campaign = await campaigns.activeCampaign(brandToken, await issuer.tokenFor(cast.superAdmin));
    const streamerToken = await issuer.tokenFor(cast.streamerA);
    const { overlayId, key } = await harness.createOverlayFor(streamerToken);
    const page = await connectOverlayPage({ serviceUrl: harness.url, realtime: harness.realtime, overlayId, key });
    try {
      const participationId = randomUUID();
      await harness.sendEvent('participation.joined', {
        participationId,
        campaignId: campaign.id,
        brandId: cast.brandA.userId,
        streamerId: cast.streamerA.userId,
        clickCode: 'campaigndeliverytest',
      });
      const preview = await harness.client(streamerToken).overlay.preview.query();
      expect(preview.ads).toEqual([
        expect.objectContaining({ participationId, campaignId: campaign.id, title: campaign.title }),
      ]);

      await harness.sendEvent('streamer.live_status_changed', { streamerId: cast.streamerA.userId, live: true, viewers: 40 });
      const shown = await page.next('ad.show', 5_000, 0);
      expect(shown.data).toMatchObject({
        participationId,
        campaignId: campaign.id,
        creative: { type: campaign.creative.type, url: campaign.creative.url },
        clickUrl: 'http://gateway.test/r/campaigndeliverytest',
        durationSeconds: campaign.frequency.adDurationSeconds,
      });

      await campaigns.client(brandToken).campaign.pause.mutate({ campaignId: campaign.id });
      expect((await page.next('ad.hide', 10_000, 0)).data).toEqual({ adId: shown.data.adId });
    } finally {
      page.close();
    }
  });
});
