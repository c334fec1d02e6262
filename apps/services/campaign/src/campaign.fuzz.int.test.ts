import { startBrandHarness } from '@gametriggers/brand-service/testing';
import { startStreamerHarness } from '@gametriggers/streamer-service/testing';
import { fixedClock, itFuzzesEveryProcedure } from '@gametriggers/testing';
import { sampleCampaign, startCampaignHarness } from './testing/campaign-harness';

itFuzzesEveryProcedure({
  service: 'campaign',
  start: async ({ issuer, cast, now }) => {
    const [brands, streamers] = await Promise.all([
      startBrandHarness({ jwksUrl: issuer.jwksUrl, now: () => now }),
      startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: () => now }),
    ]);
    const harness = await startCampaignHarness({
      jwksUrl: issuer.jwksUrl,
      brandServiceUrl: brands.url,
      streamerServiceUrl: streamers.url,
      clock: fixedClock(now),
    });
    const brandA = await issuer.tokenFor(cast.brandA);
    await brands.verifiedBrand(brandA, await issuer.tokenFor(cast.superAdmin));
    await streamers.onboardedStreamer(await issuer.tokenFor(cast.streamerA), {
      categories: ['fps'],
      language: 'en',
      country: 'US',
      followers: 500,
      averageViewers: 20,
    });
    // A draft and a campaign awaiting review, so the fuzz meets ids of campaigns in both states.
    const campaigns = harness.client(brandA).campaign;
    await campaigns.create.mutate(sampleCampaign({}, now));
    const submitted = await campaigns.create.mutate(
      sampleCampaign({ title: 'Second launch' }, now),
    );
    await campaigns.submit.mutate({ campaignId: submitted.id });
    return {
      harness,
      close: async () => {
        await harness.close();
        await Promise.all([brands.close(), streamers.close()]);
      },
    };
  },
});
