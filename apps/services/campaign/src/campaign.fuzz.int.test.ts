import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import { startStreamerHarness } from '@gametriggers/streamer-service/testing';
import type { StreamerHarness } from '@gametriggers/streamer-service/testing';
import {
  castCallers,
  fixedClock,
  fuzzService,
  harnessTarget,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CampaignHarness } from './testing/campaign-harness';
import { sampleCampaign, startCampaignHarness } from './testing/campaign-harness';

const now = new Date('2026-03-08T07:30:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let brands: BrandHarness;
let streamers: StreamerHarness;
let harness: CampaignHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  [brands, streamers] = await Promise.all([
    startBrandHarness({ jwksUrl: issuer.jwksUrl, now: () => now }),
    startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: () => now }),
  ]);
  harness = await startCampaignHarness({
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
  const submitted = await campaigns.create.mutate(sampleCampaign({ title: 'Second launch' }, now));
  await campaigns.submit.mutate({ campaignId: submitted.id });
}, 120_000);
afterAll(async () => {
  await harness.close();
  await Promise.all([brands.close(), streamers.close()]);
  await issuer.close();
});

it(
  'answers every procedure, whatever it is sent, without a 5xx, a hang or a refused write',
  { timeout: 600_000 },
  async () => {
    const { findings, report } = await fuzzService(
      harnessTarget('campaign', harness, {
        callers: await castCallers(issuer, cast),
        now,
      }),
    );
    expect(findings, report).toEqual([]);
  },
);
