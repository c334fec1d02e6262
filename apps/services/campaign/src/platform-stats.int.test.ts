import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import { failure, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignHarness } from './testing/campaign-harness';
import { sampleCampaign, startCampaignHarness } from './testing/campaign-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let brands: BrandHarness;
let harness: CampaignHarness;
const ids: string[] = [];

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  harness = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    streamerServiceUrl: 'http://127.0.0.1:9',
    clock,
  });
  const brandToken = await issuer.tokenFor(cast.brandA);
  await brands.verifiedBrand(brandToken, await issuer.tokenFor(cast.superAdmin));
  for (const title of ['Alpha', 'Beta', 'Gamma']) {
    const draft = await harness
      .client(brandToken)
      .campaign.create.mutate(sampleCampaign({ title }, clock.now()));
    ids.push(draft.id);
  }
  // Two of them as if launched, one inside the window and one before it.
  await harness.db.campaign.update({
    where: { id: ids[0] },
    data: { status: 'active', launchedAt: new Date('2026-03-05T12:00:00Z') },
  });
  await harness.db.campaign.update({
    where: { id: ids[1] },
    data: { status: 'completed', launchedAt: new Date('2026-02-05T12:00:00Z') },
  });
});
afterAll(async () => {
  await harness.close();
  await brands.close();
  await issuer.close();
});

const asPowerlessAdmin = async () => harness.client(await issuer.tokenFor(cast.powerlessAdmin));

describe('the admin dashboard campaign figures', () => {
  it('counts campaigns by status and launches in the window, for any admin', async () => {
    const stats = await (
      await asPowerlessAdmin()
    ).campaign.platformStats.query({
      from: new Date('2026-03-01T00:00:00Z'),
      to: clock.now(),
    });
    expect(stats).toEqual({
      byStatus: {
        draft: 1,
        pending_review: 0,
        active: 1,
        paused: 0,
        completed: 1,
        rejected: 0,
        cancelled: 0,
      },
      launchedInRange: 1,
    });
  });

  it('names the campaigns it ranks, leaving out unknown ids', async () => {
    const titles = await (
      await asPowerlessAdmin()
    ).campaign.titles.query({
      campaignIds: [ids[0]!, '00000000-0000-4000-8000-000000000000'],
    });
    expect(titles).toEqual([
      // The brand's name is stored when a campaign is submitted; these went straight to their status.
      { campaignId: ids[0], title: 'Alpha', brandName: null, status: 'active' },
    ]);
  });

  it('is for admins only', async () => {
    const asBrand = harness.client(await issuer.tokenFor(cast.brandB));
    const range = { from: new Date('2026-03-01T00:00:00Z'), to: clock.now() };
    expect((await failure(asBrand.campaign.platformStats.query(range))).code).toBe('FORBIDDEN');
  });
});
