import { randomUUID } from 'node:crypto';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import { startStreamerHarness } from '@gametriggers/streamer-service/testing';
import type { StreamerHarness } from '@gametriggers/streamer-service/testing';
import {
  adminWith,
  checkAdminAuthorization,
  errorOf,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestPerson, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignRouter } from './router';
import type { CampaignHarness } from './testing/campaign-harness';
import { sampleCampaign, startCampaignHarness } from './testing/campaign-harness';

let issuer: TestTokenIssuer;
let brands: BrandHarness;
let streamers: StreamerHarness;
let harness: CampaignHarness;

const cast = testCast();
const people = {
  brandA: cast.brandA,
  brandB: cast.brandB,
  streamerA: cast.streamerA,
  streamerB: cast.streamerB,
  campaignAdmin: adminWith('canManageCampaigns'),
  powerlessAdmin: cast.powerlessAdmin,
} satisfies Record<string, TestPerson>;
type Persona = 'anonymous' | keyof typeof people;
const tokens = {} as Record<Persona, string | undefined>;
const clock = fixedClock(testInstants.newYorkAfternoon);

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  [brands, streamers] = await Promise.all([
    startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now }),
    startStreamerHarness({ jwksUrl: issuer.jwksUrl, now: clock.now }),
  ]);
  harness = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    streamerServiceUrl: streamers.url,
    clock,
  });
  tokens.anonymous = undefined;
  for (const [name, person] of Object.entries(people))
    tokens[name as Persona] = await issuer.tokenFor(person);
  await brands.verifiedBrand(tokens.brandA!, await issuer.tokenFor(cast.superAdmin));
  await streamers.onboardedStreamer(tokens.streamerA!, {
    categories: ['fps'],
    language: 'en',
    country: 'US',
    followers: 500,
    averageViewers: 20,
  });
}, 120_000);
afterAll(async () => {
  await harness.close();
  await Promise.all([brands.close(), streamers.close()]);
  await issuer.close();
});

const asBrandA = () => harness.client(tokens.brandA);
const asAdmin = () => harness.client(tokens.campaignAdmin);

const reason = 'Reported by viewers.';

/** Brand A's campaigns in each state a procedure needs. */
const states = {
  draft: async () => (await asBrandA().campaign.create.mutate(sampleCampaign({}, clock.now()))).id,
  pendingReview: async () => {
    const id = await states.draft();
    await asBrandA().campaign.submit.mutate({ campaignId: id });
    return id;
  },
  active: async () => {
    const id = await states.pendingReview();
    await asAdmin().campaign.approve.mutate({ campaignId: id });
    return id;
  },
  paused: async () => {
    const id = await states.active();
    await asBrandA().campaign.pause.mutate({ campaignId: id });
    return id;
  },
  adminPaused: async () => {
    const id = await states.active();
    await asAdmin().campaign.oversight.emergencyPause.mutate({ campaignId: id, reason });
    return id;
  },
  none: () => Promise.resolve('00000000-0000-4000-8000-000000000000'),
};

type Client = ReturnType<CampaignHarness['client']>;
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'PRECONDITION_FAILED';

interface Row {
  state: keyof typeof states;
  call: (api: Client, campaignId: string) => Promise<unknown>;
  expect: Record<Persona, Outcome>;
}

const U = 'UNAUTHORIZED' as const;
const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
const ownerOnly = {
  anonymous: U,
  brandA: 'ok',
  brandB: N,
  streamerA: F,
  streamerB: F,
  campaignAdmin: F,
  powerlessAdmin: F,
} as const;
const ownerOrCampaignAdmin = { ...ownerOnly, campaignAdmin: 'ok' } as const;
const campaignAdminOnly = {
  anonymous: U,
  brandA: F,
  brandB: F,
  streamerA: F,
  streamerB: F,
  campaignAdmin: 'ok',
  powerlessAdmin: F,
} as const;
const anyBrand = {
  anonymous: U,
  brandA: 'ok',
  brandB: 'ok',
  streamerA: F,
  streamerB: F,
  campaignAdmin: F,
  powerlessAdmin: F,
} as const;
const anyStreamer = {
  anonymous: U,
  brandA: F,
  brandB: F,
  streamerA: 'ok',
  streamerB: 'ok',
  campaignAdmin: F,
  powerlessAdmin: F,
} as const;

const matrix: Record<string, Row> = {
  newCampaignDefaults: {
    state: 'none',
    call: (api) => api.campaign.newCampaignDefaults.query(),
    expect: anyBrand,
  },
  create: {
    state: 'none',
    call: (api) => api.campaign.create.mutate(sampleCampaign({}, clock.now())),
    expect: anyBrand,
  },
  update: {
    state: 'draft',
    call: (api, campaignId) =>
      api.campaign.update.mutate({ campaignId, patch: { title: 'Changed by someone' } }),
    expect: ownerOnly,
  },
  submit: {
    state: 'draft',
    call: (api, campaignId) => api.campaign.submit.mutate({ campaignId }),
    expect: ownerOnly,
  },
  approve: {
    state: 'pendingReview',
    call: (api, campaignId) => api.campaign.approve.mutate({ campaignId }),
    expect: campaignAdminOnly,
  },
  reject: {
    state: 'pendingReview',
    call: (api, campaignId) =>
      api.campaign.reject.mutate({ campaignId, reason: 'Not for this platform.' }),
    expect: campaignAdminOnly,
  },
  pause: {
    state: 'active',
    call: (api, campaignId) => api.campaign.pause.mutate({ campaignId }),
    expect: ownerOnly,
  },
  resume: {
    state: 'paused',
    call: (api, campaignId) => api.campaign.resume.mutate({ campaignId }),
    expect: ownerOnly,
  },
  cancel: {
    state: 'draft',
    call: (api, campaignId) => api.campaign.cancel.mutate({ campaignId }),
    expect: ownerOnly,
  },
  'oversight.emergencyPause': {
    state: 'active',
    call: (api, campaignId) => api.campaign.oversight.emergencyPause.mutate({ campaignId, reason }),
    expect: campaignAdminOnly,
  },
  'oversight.resume': {
    state: 'adminPaused',
    call: (api, campaignId) => api.campaign.oversight.resume.mutate({ campaignId, reason }),
    expect: campaignAdminOnly,
  },
  'oversight.forceComplete': {
    state: 'active',
    call: (api, campaignId) => api.campaign.oversight.forceComplete.mutate({ campaignId, reason }),
    expect: campaignAdminOnly,
  },
  'oversight.forceCancel': {
    state: 'active',
    call: (api, campaignId) => api.campaign.oversight.forceCancel.mutate({ campaignId, reason }),
    expect: campaignAdminOnly,
  },
  'oversight.overrideBudget': {
    state: 'active',
    call: (api, campaignId) =>
      api.campaign.oversight.overrideBudget.mutate({ campaignId, reason, budgetCents: 80_000 }),
    expect: campaignAdminOnly,
  },
  end: {
    state: 'active',
    call: (api, campaignId) => api.campaign.end.mutate({ campaignId }),
    expect: ownerOnly,
  },
  get: {
    state: 'draft',
    call: (api, campaignId) => api.campaign.get.query({ campaignId }),
    expect: ownerOrCampaignAdmin,
  },
  publicView: {
    state: 'active',
    call: (api, campaignId) => api.campaign.publicView.query({ campaignId }),
    expect: anyStreamer,
  },
  reportContent: {
    state: 'active',
    call: (api, campaignId) => api.campaign.reportContent.mutate({ campaignId, reason: 'misleading' }),
    expect: anyStreamer,
  },
  'reportContent of a campaign streamers cannot see': {
    state: 'pendingReview',
    call: (api, campaignId) => api.campaign.reportContent.mutate({ campaignId, reason: 'misleading' }),
    expect: { ...anyStreamer, streamerA: N, streamerB: N },
  },
  listMine: {
    state: 'none',
    call: (api) => api.campaign.listMine.query({ limit: 5 }),
    expect: anyBrand,
  },
  adminList: {
    state: 'none',
    call: (api) => api.campaign.adminList.query({ limit: 5 }),
    expect: campaignAdminOnly,
  },
  discover: {
    state: 'none',
    call: (api) => api.campaign.discover.query({ limit: 5 }),
    // Streamer B may discover, but has no profile yet.
    expect: { ...anyStreamer, streamerB: 'PRECONDITION_FAILED' },
  },
  'internal.forParticipation': {
    state: 'active',
    call: (api, campaignId) => api.campaign.internal.forParticipation.query({ campaignId }),
    expect: {
      anonymous: U,
      brandA: F,
      brandB: F,
      streamerA: F,
      streamerB: F,
      campaignAdmin: F,
      powerlessAdmin: F,
    },
  },
  'internal.deliveryInfo': {
    state: 'active',
    call: (api, campaignId) =>
      api.campaign.internal.deliveryInfo.query({ campaignIds: [campaignId] }),
    expect: {
      anonymous: U,
      brandA: F,
      brandB: F,
      streamerA: F,
      streamerB: F,
      campaignAdmin: F,
      powerlessAdmin: F,
    },
  },
  'internal.brandCampaignIds': {
    state: 'active',
    call: (api) => api.campaign.internal.brandCampaignIds.query({ brandId: people.brandA.userId }),
    expect: {
      anonymous: U,
      brandA: F,
      brandB: F,
      streamerA: F,
      streamerB: F,
      campaignAdmin: F,
      powerlessAdmin: F,
    },
  },
};

const cases = Object.entries(matrix).flatMap(([procedure, row]) =>
  (Object.keys(row.expect) as Persona[]).map((persona) => ({
    procedure,
    persona,
    row,
    outcome: row.expect[persona],
  })),
);

describe('authorization of every campaign procedure', () => {
  it.each(cases)('$procedure as $persona → $outcome', async ({ row, persona, outcome }) => {
    const campaignId = await states[row.state]();
    const before = await harness.db.campaign.findUnique({ where: { id: campaignId } });
    const result = await row.call(harness.client(tokens[persona]), campaignId).then(
      () => 'ok' as const,
      (error: unknown) => errorOf(error).code,
    );
    expect(result).toBe(outcome);
    if (outcome !== 'ok' && before) {
      // A refused call changes nothing.
      expect(await harness.db.campaign.findUnique({ where: { id: campaignId } })).toEqual(before);
    }
  });

  it('never lists another brand’s campaigns', async () => {
    const id = await states.draft();
    const theirs = await harness.client(tokens.brandB).campaign.listMine.query({ limit: 100 });
    expect(theirs.items.map((item) => item.id)).not.toContain(id);
    expect(theirs.items.every((item) => item.brandId === people.brandB.userId)).toBe(true);
    const mine = await asBrandA().campaign.listMine.query({ limit: 100 });
    expect(mine.items.map((item) => item.id)).toContain(id);
  });

  it('lets a service read a campaign for participation', async () => {
    const id = await states.active();
    await expect(
      harness
        .serviceClient('participation')
        .campaign.internal.forParticipation.query({ campaignId: id }),
    ).resolves.toMatchObject({ campaignId: id, status: 'active' });
  });

  it('lets a service read campaigns’ delivery info, leaving out unknown ids', async () => {
    const id = await states.active();
    const [info, ...rest] = await harness
      .serviceClient('overlay')
      .campaign.internal.deliveryInfo.query({ campaignIds: [id, randomUUID()] });
    expect(rest).toEqual([]);
    const stored = await harness.db.campaign.findUniqueOrThrow({ where: { id } });
    expect(info).toMatchObject({
      campaignId: id,
      status: 'active',
      creative: { type: stored.creativeType, url: stored.creativeUrl },
      clickThroughUrl: stored.clickThroughUrl,
      frequency: {
        adDurationSeconds: stored.adDurationSeconds,
        maxShowsPerHour: stored.maxShowsPerHour,
      },
      pricing: { model: stored.pricingModel, rateCents: stored.rateCents },
      impressions: 0,
      clicks: 0,
    });
  });

  it('lets a service list a brand’s ever-approved campaigns, newest first, and no one else’s', async () => {
    const draft = await states.draft();
    const older = await states.active();
    const newer = await states.paused();
    const analytics = harness.serviceClient('analytics');
    const { campaignIds } = await analytics.campaign.internal.brandCampaignIds.query({
      brandId: people.brandA.userId,
    });
    expect(campaignIds).not.toContain(draft);
    expect(campaignIds.indexOf(newer)).toBeGreaterThanOrEqual(0);
    expect(campaignIds.indexOf(newer)).toBeLessThan(campaignIds.indexOf(older));
    const stored = await harness.db.campaign.findMany({
      where: { id: { in: campaignIds } },
      select: { brandId: true, approvedAt: true },
    });
    expect(stored).toHaveLength(campaignIds.length);
    expect(stored.every((row) => row.brandId === people.brandA.userId && row.approvedAt)).toBe(
      true,
    );
    await expect(
      analytics.campaign.internal.brandCampaignIds.query({ brandId: people.brandB.userId }),
    ).resolves.toEqual({ campaignIds: [] });
  });
});

describe('every admin procedure', () => {
  it('lets an admin with its permission past authorization, and no one else', async () => {
    const { checked, mismatches } = await checkAdminAuthorization({
      router: createCampaignRouter(harness.service.deps),
      url: harness.url,
      tokenFor: (person) => issuer.tokenFor(person),
    });
    expect(checked.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
