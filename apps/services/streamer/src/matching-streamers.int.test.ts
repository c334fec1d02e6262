import { randomUUID } from 'node:crypto';
import type { CampaignTargeting, ContentCategory, Country, Language } from '@gametriggers/contracts';
import { targetingMismatches } from '@gametriggers/contracts';
import { failure, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestTokenIssuer } from '@gametriggers/testing';
import { createServiceClient } from '@gametriggers/trpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamerRouter } from './router';
import type { SeededStreamerProfile, StreamerHarness } from './testing/streamer-harness';
import { startStreamerHarness, streamerTestServiceSecret } from './testing/streamer-harness';

let issuer: TestTokenIssuer;
let harness: StreamerHarness;

const categories: ContentCategory[] = ['fps', 'rpg', 'racing', 'music', 'indie'];
const languages: Language[] = ['en', 'es', 'de'];
const countries: Country[] = ['US', 'DE', 'MX', 'BR'];

/** A deterministic spread of profiles: every combination the targeting rules tell apart. */
const seeded: SeededStreamerProfile[] = Array.from({ length: 240 }, (_, index) => {
  const primary = categories[index % categories.length]!;
  const secondary = categories[(index * 7 + 3) % categories.length]!;
  return {
    streamerId: randomUUID(),
    categories: primary === secondary ? [primary] : [primary, secondary],
    language: languages[index % languages.length]!,
    country: countries[(index * 5) % countries.length]!,
    followers: (index * 37) % 2_000,
    averageViewers: (index * 13) % 120,
  };
});

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  harness = await startStreamerHarness({ jwksUrl: issuer.jwksUrl });
  await harness.seedProfiles(seeded);
});
afterAll(async () => {
  await harness?.close();
  await issuer?.close();
});

const asService = () =>
  createServiceClient<StreamerRouter>({ url: harness.url, secret: streamerTestServiceSecret, caller: 'notification' });

/** Every page of the audience, following the cursors. */
async function everyMatch(targeting: CampaignTargeting, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await asService().streamer.internal.matchingStreamers.query({ targeting, limit, ...(cursor ? { cursor } : {}) });
    expect(page.streamerIds.length).toBeLessThanOrEqual(limit);
    ids.push(...page.streamerIds);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

const expectedFor = (targeting: CampaignTargeting, profiles: SeededStreamerProfile[]) =>
  profiles
    .filter(
      (profile) =>
        targetingMismatches(targeting, {
          categories: [...profile.categories],
          language: profile.language,
          country: profile.country,
          followers: profile.followers ?? 0,
          averageViewers: profile.averageViewers ?? 0,
        }).length === 0,
    )
    .map((profile) => profile.streamerId)
    .sort();

const targetings: Array<[string, CampaignTargeting]> = [
  ['one category, anyone anywhere', { categories: ['fps'], languages: [], regions: [], minFollowers: 0, minAverageViewers: 0 }],
  ['categories overlap, one language', { categories: ['rpg', 'music'], languages: ['es'], regions: [], minFollowers: 0, minAverageViewers: 0 }],
  ['regions and sizes', { categories: ['racing', 'indie', 'fps'], languages: [], regions: ['DE', 'BR'], minFollowers: 500, minAverageViewers: 40 }],
  ['everything at once', { categories: ['indie'], languages: ['en', 'de'], regions: ['US'], minFollowers: 100, minAverageViewers: 10 }],
  ['nobody that big', { categories: ['fps'], languages: [], regions: [], minFollowers: 5_000, minAverageViewers: 0 }],
];

describe('streamer.internal.matchingStreamers', () => {
  it.each(targetings)('answers exactly who targetingMismatches matches: %s', async (_name, targeting) => {
    const expected = expectedFor(targeting, seeded);
    const { ids, pages } = await everyMatch(targeting, 7);
    // Ascending ids, each once, nobody else.
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 7)));
  });

  it('finds a streamer onboarded through the API the way discovery would', async () => {
    const { streamerA } = testCast();
    const made = await harness.onboardedStreamer(await issuer.tokenFor(streamerA), {
      categories: ['tech'],
      language: 'ja',
      country: 'JP',
      followers: 900,
      averageViewers: 25,
    });
    const targeting: CampaignTargeting = { categories: ['tech'], languages: ['ja'], regions: ['JP'], minFollowers: 900, minAverageViewers: 25 };
    expect((await everyMatch(targeting, 100)).ids).toEqual([made.streamerId]);
    expect((await everyMatch({ ...targeting, minAverageViewers: 26 }, 100)).ids).toEqual([]);
  });

  it('refuses a cursor it did not make', async () => {
    const targeting = targetings[0]![1];
    const forged = Buffer.from(JSON.stringify(['streamers.followers', 5, randomUUID()])).toString('base64url');
    expect(await failure(asService().streamer.internal.matchingStreamers.query({ targeting, cursor: forged }))).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'invalid_cursor',
    });
  });

  it('pages by at most a thousand', async () => {
    const targeting = targetings[0]![1];
    expect(await failure(asService().streamer.internal.matchingStreamers.query({ targeting, limit: 1_001 }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
