import { randomUUID } from 'node:crypto';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import type {
  CampaignInput,
  DiscoverCampaignsInput,
  StreamerMatchingProfile,
} from '@gametriggers/contracts';
import { streamerMatchingProfileSchema, targetingMismatches } from '@gametriggers/contracts';
import type { StreamerRouter } from '@gametriggers/streamer-service/router';
import { startStreamerHarness } from '@gametriggers/streamer-service/testing';
import type { StreamerHarness } from '@gametriggers/streamer-service/testing';
import {
  eventually,
  failure,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { createServiceClient } from '@gametriggers/trpc';
import { createEventSender } from '@gametriggers/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicCampaignView } from './schemas';
import type { CampaignHarness } from './testing/campaign-harness';
import { sampleCampaign, startCampaignHarness } from './testing/campaign-harness';

let issuer: TestTokenIssuer;
let brands: BrandHarness;
let streamers: StreamerHarness;
let harness: CampaignHarness;
const cast = testCast();
const clock = fixedClock(testInstants.newYorkAfternoon);
let brandToken: string;
let adminToken: string;
let streamerToken: string;
let profile: StreamerMatchingProfile;

/** Every campaign made for this file, by name, with the targeting it was made with. */
const made = new Map<string, { id: string; input: CampaignInput }>();

const variants: Record<string, Partial<CampaignInput>> = {
  exact: {
    categories: ['fps'],
    languages: ['en'],
    regions: ['US'],
    minFollowers: 1_000,
    minAverageViewers: 50,
  },
  anyLanguageWorldwide: {
    categories: ['irl', 'music'],
    languages: [],
    regions: [],
    minFollowers: 0,
    minAverageViewers: 0,
  },
  cpcMatch: {
    categories: ['fps', 'moba'],
    languages: ['en', 'de'],
    regions: [],
    pricing: { model: 'cpc', rateCents: 80 },
  },
  fixedMatch: {
    categories: ['irl'],
    languages: ['en'],
    regions: ['US', 'GB'],
    pricing: { model: 'fixed', rateCents: 25_000 },
  },
  highRate: {
    categories: ['fps'],
    languages: [],
    regions: ['US'],
    pricing: { model: 'cpm', rateCents: 4_000 },
  },
  bigBudget: { categories: ['fps'], budgetCents: 9_000_000 },
  // Each of these misses exactly one criterion.
  categoryOnly: { categories: ['fps'], languages: ['de'], regions: [] },
  languageOnly: { categories: ['moba'], languages: ['en'], regions: [] },
  wrongRegion: { categories: ['fps'], languages: ['en'], regions: ['DE'] },
  tooFewFollowers: { categories: ['fps'], minFollowers: 50_000 },
  tooFewViewers: { categories: ['fps'], minAverageViewers: 5_000 },
};

/** Running campaigns of the named variants; their ids in order. Registered in `made` unless told not to. */
async function runningCampaigns(names: string[], register = true) {
  const brand = harness.client(brandToken);
  const startsAt = new Date(clock.now().getTime() + 1_000);
  const endsAt = (index: number) => new Date(startsAt.getTime() + (index + 1) * 86_400_000);
  const drafts = [];
  for (const [index, name] of names.entries()) {
    const input = sampleCampaign(
      {
        title: `Discover ${name}`,
        startsAt,
        endsAt: endsAt(index),
        ...variants[name],
      },
      clock.now(),
    );
    const draft = await brand.campaign.create.mutate(input);
    await brand.campaign.submit.mutate({ campaignId: draft.id });
    if (register) made.set(name, { id: draft.id, input });
    drafts.push(draft);
  }
  clock.set(new Date(startsAt.getTime() + 20));
  for (const draft of drafts)
    await harness.client(adminToken).campaign.approve.mutate({ campaignId: draft.id });
  return drafts.map((draft) => draft.id);
}

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
    // The streamer service's events (its targeting changes) reach this campaign service.
    queuePrefix: streamers.config.queuePrefix,
    clock,
  });
  [brandToken, adminToken, streamerToken] = await Promise.all([
    issuer.tokenFor(cast.brandA),
    issuer.tokenFor(cast.superAdmin),
    issuer.tokenFor(cast.streamerA),
  ]);
  await brands.verifiedBrand(brandToken, adminToken);
  await streamers.onboardedStreamer(streamerToken, {
    categories: ['fps', 'irl'],
    language: 'en',
    country: 'US',
    followers: 5_000,
    averageViewers: 120,
  });
  const matching = await createServiceClient<StreamerRouter>({
    url: streamers.url,
    secret: streamers.config.SERVICE_SECRET,
    caller: 'campaign-test',
  }).streamer.internal.matchingProfile.query({ streamerId: cast.streamerA.userId });
  profile = streamerMatchingProfileSchema.parse(matching);
  await runningCampaigns(Object.keys(variants));
}, 120_000);
afterAll(async () => {
  await harness.close();
  await Promise.all([brands.close(), streamers.close()]);
  await issuer.close();
});

const discover = (input: DiscoverCampaignsInput = {}) =>
  harness.client(streamerToken).campaign.discover.query({ limit: 100, ...input });
const namesOf = (items: PublicCampaignView[]) =>
  items
    .map((item) => [...made].find(([, entry]) => entry.id === item.id)?.[0] ?? item.title)
    .sort();

describe('campaign discovery', () => {
  it('shows exactly the running campaigns the streamer matches on category AND language AND region AND size', async () => {
    const page = await discover();
    const expected = [...made]
      .filter(
        ([, { input }]) =>
          targetingMismatches(
            { languages: [], regions: [], minFollowers: 0, minAverageViewers: 0, ...input },
            profile,
          ).length === 0,
      )
      .map(([name]) => name)
      .sort();
    expect(expected).toEqual([
      'anyLanguageWorldwide',
      'bigBudget',
      'cpcMatch',
      'exact',
      'fixedMatch',
      'highRate',
    ]);
    expect(namesOf(page.items)).toEqual(expected);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).not.toHaveProperty('budgetCents');
    expect(page.items[0]).not.toHaveProperty('rejectionReason');
    expect(page.items.find((item) => item.id === made.get('exact')!.id)).toMatchObject({
      brandName: 'Acme Energy Drinks',
    });
  });

  it('hides campaigns that are not running or have no budget left', async () => {
    const brand = harness.client(brandToken);
    const input = sampleCampaign({ ...variants.exact, title: 'Hidden' }, clock.now());
    const notSubmitted = await brand.campaign.create.mutate(input);
    const inReview = await brand.campaign.create.mutate(input);
    await brand.campaign.submit.mutate({ campaignId: inReview.id });
    const notStarted = await brand.campaign.create.mutate(input);
    await brand.campaign.submit.mutate({ campaignId: notStarted.id });
    await harness.client(adminToken).campaign.approve.mutate({ campaignId: notStarted.id });
    const [paused, spent, ended, control] = await runningCampaigns(
      ['exact', 'exact', 'exact', 'exact'],
      false,
    );
    await brand.campaign.pause.mutate({ campaignId: paused! });
    await harness.db.campaign.update({ where: { id: spent! }, data: { remainingBudgetCents: 0 } });
    await harness.db.campaign.update({
      where: { id: ended! },
      data: { endsAt: new Date(clock.now().getTime() - 1) },
    });

    const ids = (await discover()).items.map((item) => item.id);
    expect(ids).toContain(control);
    for (const hidden of [notSubmitted.id, inReview.id, notStarted.id, paused, spent, ended]) {
      expect(ids).not.toContain(hidden);
    }
    await harness.client(brandToken).campaign.cancel.mutate({ campaignId: control! });
  });

  it('narrows by category, pricing model and minimum rate', async () => {
    expect(namesOf((await discover({ category: 'irl' })).items)).toEqual([
      'anyLanguageWorldwide',
      'fixedMatch',
    ]);
    expect(namesOf((await discover({ pricingModel: 'cpc' })).items)).toEqual(['cpcMatch']);
    expect(namesOf((await discover({ pricingModel: 'cpm', minRateCents: 2_000 })).items)).toEqual([
      'highRate',
    ]);
    expect((await discover({ category: 'moba', pricingModel: 'fixed' })).items).toEqual([]);
  });

  it.each([
    [
      'newest',
      (a: PublicCampaignView, b: PublicCampaignView) =>
        b.startsAt.getTime() - a.startsAt.getTime() || (b.id > a.id ? 1 : -1),
    ],
    [
      'highest_rate',
      (a: PublicCampaignView, b: PublicCampaignView) =>
        b.pricing.rateCents - a.pricing.rateCents || (b.id > a.id ? 1 : -1),
    ],
    [
      'ending_soon',
      (a: PublicCampaignView, b: PublicCampaignView) =>
        a.endsAt.getTime() - b.endsAt.getTime() || (a.id > b.id ? 1 : -1),
    ],
    [
      'budget_left',
      (a: PublicCampaignView, b: PublicCampaignView) =>
        b.remainingBudgetCents - a.remainingBudgetCents || (b.id > a.id ? 1 : -1),
    ],
  ] as const)('pages by %s without gaps or repeats', async (sort, order) => {
    const everything = (await discover({ sort })).items;
    expect(everything.length).toBeGreaterThanOrEqual(6);
    expect(everything.map((item) => item.id)).toEqual(
      [...everything].sort(order).map((item) => item.id),
    );
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await discover({ sort, limit: 2, cursor });
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(everything.map((item) => item.id));
  });

  it('asks a streamer without a profile to complete it', async () => {
    const token = await issuer.tokenFor(cast.streamerB);
    expect(
      await failure(harness.client(token).campaign.discover.query({ limit: 10 })),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      reason: 'streamer_not_onboarded',
    });
  });

  it('shows a streamer an active campaign, and nothing else', async () => {
    const streamer = harness.client(streamerToken);
    const exact = made.get('cpcMatch')!;
    await expect(
      streamer.campaign.publicView.query({ campaignId: exact.id }),
    ).resolves.toMatchObject({
      id: exact.id,
      title: 'Discover cpcMatch',
      pricing: { model: 'cpc', rateCents: 80 },
    });
    const draft = await harness
      .client(brandToken)
      .campaign.create.mutate(sampleCampaign({}, clock.now()));
    expect(
      await failure(streamer.campaign.publicView.query({ campaignId: draft.id })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'campaign_not_found',
    });
  });
});

describe('discovery’s copy of what a streamer is matched on', () => {
  const newStreamer = () => ({
    userId: randomUUID(),
    email: `s-${randomUUID().slice(0, 8)}@test.gametriggers.dev`,
    role: 'streamer' as const,
    permissions: [],
  });
  const keptCopy = (streamerId: string) => harness.db.streamerTargeting.findUnique({ where: { streamerId } });
  const streamerService = () =>
    createServiceClient<StreamerRouter>({ url: streamers.url, secret: streamers.config.SERVICE_SECRET, caller: 'campaign-test' });

  it('follows the streamer’s changes through their events, without asking the streamer service again', async () => {
    const person = newStreamer();
    const token = await issuer.tokenFor(person);
    await streamers.onboardedStreamer(token, {
      categories: ['fps', 'irl'],
      language: 'en',
      country: 'US',
      followers: 5_000,
      averageViewers: 120,
    });
    const discoverAs = () => harness.client(token).campaign.discover.query({ limit: 100 });
    // The copy follows the events: until the last one (the channel's metrics) is applied, an
    // earlier version may be what discovery reads.
    const current = await streamerService().streamer.internal.targetingProfile.query({ streamerId: person.userId });
    await discoverAs();
    await eventually(async () => (await keptCopy(person.userId))?.version === current?.version, 'the copy to catch up');
    expect(namesOf((await discoverAs()).items)).toContain('exact');
    const first = await keptCopy(person.userId);
    expect(first).toMatchObject({ language: 'en', country: 'US', followers: 5_000 });

    await streamers.client(token).streamer.updateProfile.mutate({
      content: { primaryCategory: 'fps', secondaryCategories: ['irl'], language: 'de', rating: 'everyone' },
    });
    await eventually(async () => (await keptCopy(person.userId))?.language === 'de', 'the change in discovery’s copy');
    expect(await keptCopy(person.userId)).toMatchObject({ language: 'de', version: first!.version + 1 });
    const german = namesOf((await discoverAs()).items);
    expect(german).toContain('anyLanguageWorldwide');
    expect(german).not.toContain('exact');
  });

  it('keeps the newer copy when an older change arrives late, and ignores a redelivery', async () => {
    const person = newStreamer();
    const token = await issuer.tokenFor(person);
    await streamers.onboardedStreamer(token, { categories: ['fps'], language: 'en', country: 'US', followers: 900 });
    await harness.client(token).campaign.discover.query({ limit: 10 });
    const kept = (await keptCopy(person.userId))!;
    const sender = createEventSender({
      consumer: 'campaign',
      redisUrl: harness.config.REDIS_URL,
      queuePrefix: harness.config.queuePrefix!,
      now: clock.now,
      isApplied: async (eventId) =>
        (await harness.db.processedEvent.count({ where: { consumer: 'campaign', eventId } })) > 0,
    });
    try {
      const change = { streamerId: person.userId, categories: ['fps'], language: 'fr', country: 'FR', followers: 10, averageViewers: 1 };
      await sender.send('streamer.targeting_changed', { ...change, version: kept.version + 5 });
      await sender.send('streamer.targeting_changed', { ...change, language: 'es', version: kept.version + 4 });
      expect(await keptCopy(person.userId)).toMatchObject({ language: 'fr', country: 'FR', version: kept.version + 5 });
    } finally {
      await sender.close();
    }
  });
});
