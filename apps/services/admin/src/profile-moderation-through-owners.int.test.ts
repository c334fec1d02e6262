import type { BrandHarness } from '@gametriggers/brand-service/testing';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import type { StreamerHarness } from '@gametriggers/streamer-service/testing';
import { startStreamerHarness } from '@gametriggers/streamer-service/testing';
import {
  adminWith,
  createTestRedisNamespace,
  eventually,
  fixedClock,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AdminHarness } from './testing/admin-harness';
import { startAdminHarness } from './testing/admin-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let redis: TestRedisNamespace;
let admin: AdminHarness;
let brands: BrandHarness;
let streamers: StreamerHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('profile-moderation-flow');
  const events = { redisUrl: redis.url, queuePrefix: redis.prefix };
  admin = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, events });
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, events });
  streamers = await startStreamerHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    env: { REDIS_URL: redis.url, queuePrefix: redis.prefix },
  });
}, 120_000);
afterAll(async () => {
  await streamers.close();
  await brands.close();
  await admin.close();
  await redis.clear();
  await issuer.close();
});

async function queuedItem(subjectId: string) {
  const moderator = admin.client(await issuer.tokenFor(adminWith('canModerateContent')));
  return eventually(async () => {
    const queue = await moderator.admin.moderation.list.query({ limit: 100 });
    return queue.items.find((item) => item.subjectId === subjectId);
  }, 'the profile in the moderation queue');
}

it('a brand’s profile goes to the queue; rejected there, streamers see a placeholder and the brand the reason', async () => {
  const brandToken = await issuer.tokenFor(cast.brandA);
  await brands.onboardedBrand(brandToken);

  const item = await queuedItem(cast.brandA.userId);
  expect(item).toMatchObject({
    kind: 'brand_profile',
    ownerId: cast.brandA.userId,
    content: { companyName: 'Acme Energy Drinks', industry: 'Beverages' },
  });
  const moderator = admin.client(await issuer.tokenFor(adminWith('canModerateContent')));
  await moderator.admin.moderation.reject.mutate({ itemId: item.id, reason: 'Misleading company name' });

  const streamer = brands.client(await issuer.tokenFor(cast.streamerA));
  const seen = await eventually(async () => {
    const profile = await streamer.brand.publicProfile.query({ brandId: cast.brandA.userId });
    return profile.companyName !== 'Acme Energy Drinks' && profile;
  }, 'the brand profile hidden');
  expect(seen).toMatchObject({ companyName: 'Brand (profile hidden)', website: null });
  expect((await brands.client(brandToken).brand.me.query())?.profileModeration).toMatchObject({
    status: 'rejected',
    reason: 'Misleading company name',
  });
});

it('a streamer’s profile goes to the queue; approved there, the streamer’s pending state clears', async () => {
  const streamerToken = await issuer.tokenFor(cast.streamerA);
  await streamers.client(streamerToken).streamer.onboard.mutate({
    displayName: 'Pat Plays',
    content: { primaryCategory: 'fps', secondaryCategories: [], language: 'en', rating: 'teen' },
    demographics: { country: 'US', timezone: 'America/New_York' },
  });

  const item = await queuedItem(cast.streamerA.userId);
  expect(item).toMatchObject({ kind: 'streamer_profile', title: 'Pat Plays' });
  const moderator = admin.client(await issuer.tokenFor(adminWith('canModerateContent')));
  await moderator.admin.moderation.approve.mutate({ itemId: item.id });

  const approved = await eventually(async () => {
    const me = await streamers.client(streamerToken).streamer.me.query();
    return me?.profileModeration?.status === 'approved' && me.profileModeration;
  }, 'the streamer profile approved');
  expect(approved).toMatchObject({ status: 'approved', reason: null });
});
