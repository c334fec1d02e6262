import type { AdminHarness } from '@gametriggers/admin-service/testing';
import { startAdminHarness } from '@gametriggers/admin-service/testing';
import type { BrandHarness } from '@gametriggers/brand-service/testing';
import { startBrandHarness } from '@gametriggers/brand-service/testing';
import {
  adminWith,
  createTestRedisNamespace,
  fixedClock,
  startTestTokenIssuer,
  testCast,
  testInstants,
} from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CampaignHarness } from './testing/campaign-harness';
import { eventually, startCampaignHarness } from './testing/campaign-harness';

const clock = fixedClock(testInstants.newYorkAfternoon);
const cast = testCast();
let issuer: TestTokenIssuer;
let redis: TestRedisNamespace;
let admin: AdminHarness;
let brands: BrandHarness;
let campaigns: CampaignHarness;
let tokens: { brand: string; streamer: string; campaignAdmin: string; moderator: string };

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('moderation-flow');
  const events = { redisUrl: redis.url, queuePrefix: redis.prefix };
  admin = await startAdminHarness({ jwksUrl: issuer.jwksUrl, now: clock.now, events });
  brands = await startBrandHarness({ jwksUrl: issuer.jwksUrl, now: clock.now });
  campaigns = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: brands.url,
    streamerServiceUrl: 'http://127.0.0.1:9',
    clock,
    queuePrefix: redis.prefix,
  });
  tokens = {
    brand: await issuer.tokenFor(cast.brandA),
    streamer: await issuer.tokenFor(cast.streamerA),
    campaignAdmin: await issuer.tokenFor(adminWith('canManageCampaigns')),
    moderator: await issuer.tokenFor(adminWith('canModerateContent')),
  };
  await brands.verifiedBrand(tokens.brand, await issuer.tokenFor(cast.superAdmin));
}, 120_000);
afterAll(async () => {
  await campaigns.close();
  await brands.close();
  await admin.close();
  await redis.clear();
  await issuer.close();
});

it('a live campaign’s creative, reported by a streamer and rejected by a moderator, stops delivering', async () => {
  const campaign = await campaigns.activeCampaign(tokens.brand, tokens.campaignAdmin);
  await campaigns
    .client(tokens.streamer)
    .campaign.reportContent.mutate({ campaignId: campaign.id, reason: 'misleading' });

  const moderator = admin.client(tokens.moderator);
  const item = await eventually(async () => {
    const queue = await moderator.admin.moderation.list.query({ reportedOnly: true });
    return queue.items.find((entry) => entry.subjectId === campaign.id);
  });
  expect(item).toMatchObject({
    kind: 'campaign_creative',
    ownerId: cast.brandA.userId,
    reportCount: 1,
    content: { url: campaign.creative.url },
  });

  await moderator.admin.moderation.reject.mutate({ itemId: item.id, reason: 'Misleading claims' });

  const paused = await eventually(async () => {
    const row = await campaigns.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    return row.status === 'paused' && row;
  });
  expect(paused).toMatchObject({
    status: 'paused',
    pausedBy: 'admin',
    creativeRejectionReason: 'Misleading claims',
  });
  const audit = await admin.waitForAuditEntries({ action: 'moderation.reject', subjectId: campaign.id });
  expect(audit).toHaveLength(1);
});
