import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import { campaignForParticipationSchema } from '@gametriggers/contracts';
import { fixedClock, startTestTokenIssuer, testCast, testInstants } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignHarness } from './campaign-harness';
import { startCampaignHarness } from './campaign-harness';

let issuer: TestTokenIssuer;
let brands: BrandHarness;
let harness: CampaignHarness;
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  harness = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    // Discovery is not used here; the streamer service is exercised in campaign-discovery.int.test.ts.
    streamerServiceUrl: 'http://127.0.0.1:9',
    clock,
  });
});
afterAll(async () => {
  await harness.close();
  await brands.close();
  await issuer.close();
});

describe('the campaign harness other services use', () => {
  it('answers forParticipation with null for an unknown campaign', async () => {
    await expect(
      harness.serviceClient('participation').campaign.internal.forParticipation.query({
        campaignId: '00000000-0000-4000-8000-000000000000',
      }),
    ).resolves.toBeNull();
  });

  it('makes a running campaign through the real procedures and describes it for participation', async () => {
    const { brandA, superAdmin } = testCast();
    const brandToken = await issuer.tokenFor(brandA);
    const adminToken = await issuer.tokenFor(superAdmin);
    await brands.verifiedBrand(brandToken, adminToken);
    const campaign = await harness.activeCampaign(brandToken, adminToken, {
      joinMode: 'approval',
      maxParticipants: 3,
    });
    expect(campaign).toMatchObject({
      status: 'active',
      running: true,
      brandName: 'Acme Energy Drinks',
    });
    expect(campaign.launchedAt).toBeInstanceOf(Date);

    const view = await harness
      .serviceClient('participation')
      .campaign.internal.forParticipation.query({ campaignId: campaign.id });
    expect(campaignForParticipationSchema.parse(view)).toEqual({
      campaignId: campaign.id,
      brandId: brandA.userId,
      title: campaign.title,
      status: 'active',
      joinMode: 'approval',
      categories: ['fps', 'esports'],
      languages: ['en'],
      regions: ['US', 'CA'],
      minFollowers: 100,
      minAverageViewers: 10,
      gkeyCooloffHours: 720,
      maxParticipants: 3,
      remainingBudgetCents: 500_000,
      startsAt: campaign.startsAt,
      endsAt: campaign.endsAt,
    });
  });

  it('refuses forParticipation to people, signed in or not', async () => {
    const { streamerA } = testCast();
    const input = { campaignId: '00000000-0000-4000-8000-000000000000' };
    await expect(
      harness.client().campaign.internal.forParticipation.query(input),
    ).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    await expect(
      harness
        .client(await issuer.tokenFor(streamerA))
        .campaign.internal.forParticipation.query(input),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });
});
