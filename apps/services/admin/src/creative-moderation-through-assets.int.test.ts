import type { AssetHarness } from '@gametriggers/asset-service/testing';
import { fileOf, imageBytes, startAssetHarness } from '@gametriggers/asset-service/testing';
import {
  adminWith,
  createTestRedisNamespace,
  eventually,
  failure,
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
let assets: AssetHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('creative-moderation-flow');
  const events = { redisUrl: redis.url, queuePrefix: redis.prefix };
  admin = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, events });
  assets = await startAssetHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, events });
}, 120_000);
afterAll(async () => {
  await assets.close();
  await admin.close();
  await redis.clear();
  await issuer.close();
});

/** A brand's creative uploaded through the asset service and checked (ready). */
async function uploadedCreative(name: string) {
  const png = fileOf(await imageBytes('png', 640, 360), name, 'image/png');
  const assetId = await assets.upload(await issuer.tokenFor(cast.brandA), 'campaignCreative', png);
  const asset = await assets.settled(assetId);
  expect(asset).toMatchObject({ state: 'ready', moderation: 'pending' });
  return asset;
}

const moderator = async () => admin.client(await issuer.tokenFor(adminWith('canModerateContent')));

async function queuedItem(assetId: string) {
  const client = await moderator();
  return eventually(async () => {
    const queue = await client.admin.moderation.list.query({ kind: 'creative_asset', limit: 100 });
    return queue.items.find((item) => item.subjectId === assetId);
  }, 'the uploaded creative in the moderation queue');
}

const assertUsable = (assetId: string) =>
  assets.serviceClient('campaign').asset.internal.assertUsable.query({
    assetId,
    ownerId: cast.brandA.userId,
    use: 'campaignCreative',
    approved: true,
  });

async function moderationOf(assetId: string, state: 'approved' | 'rejected') {
  const owner = assets.client(await issuer.tokenFor(cast.brandA));
  return eventually(async () => {
    const asset = await owner.asset.get.query({ assetId });
    return asset.moderation === state && asset;
  }, `the creative ${state}`);
}

it('an uploaded creative goes to the queue as it is served; approved there, a campaign can go to review with it', async () => {
  const asset = await uploadedCreative('summer-banner.png');
  const item = await queuedItem(asset.assetId);
  expect(item).toMatchObject({
    kind: 'creative_asset',
    ownerId: cast.brandA.userId,
    title: 'summer-banner.png',
    content: { kind: 'image', width: 640, height: 360, url: asset.url, thumbnailUrl: asset.thumbnailUrl },
  });
  expect((await fetch(asset.url!)).status).toBe(200);
  expect(await failure(assertUsable(asset.assetId))).toMatchObject({ reason: 'asset_not_approved' });

  await (await moderator()).admin.moderation.approve.mutate({ itemId: item.id });

  expect(await moderationOf(asset.assetId, 'approved')).toMatchObject({ moderatedAt: clock.now() });
  expect(await assertUsable(asset.assetId)).toMatchObject({ assetId: asset.assetId, moderation: 'approved' });
});

it('rejected there, its brand sees the reason and no campaign can take it; deleted while pending, it leaves the queue', async () => {
  const rejected = await uploadedCreative('loud-ad.png');
  const rejectedItem = await queuedItem(rejected.assetId);
  await (await moderator()).admin.moderation.reject.mutate({ itemId: rejectedItem.id, reason: 'Shows a competitor’s logo' });

  expect(await moderationOf(rejected.assetId, 'rejected')).toMatchObject({ moderationReason: 'Shows a competitor’s logo' });
  expect(await failure(assertUsable(rejected.assetId))).toMatchObject({
    code: 'PRECONDITION_FAILED',
    reason: 'asset_rejected',
    message: 'The creative was rejected by moderation: Shows a competitor’s logo',
  });

  const deleted = await uploadedCreative('draft.png');
  const deletedItem = await queuedItem(deleted.assetId);
  await assets.client(await issuer.tokenFor(cast.brandA)).asset.delete.mutate({ assetId: deleted.assetId });
  const client = await moderator();
  await eventually(async () => {
    const item = await client.admin.moderation.get.query({ itemId: deletedItem.id });
    return item.status === 'withdrawn';
  }, 'the deleted creative withdrawn from the queue');
});
