import type { PlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import { startPlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import {
  createTestRedisNamespace,
  fixedClock,
  startTestTokenIssuer,
  testCast,
} from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CampaignHarness } from './testing/campaign-harness';
import {
  campaignTestServiceSecret,
  sampleCampaign,
  startCampaignHarness,
} from './testing/campaign-harness';
import { eventually } from './testing/eventually';

const clock = fixedClock('2026-03-10T18:00:00Z');
let issuer: TestTokenIssuer;
let redis: TestRedisNamespace;
let config: PlatformConfigAdmin;
let campaigns: CampaignHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('campaign-config');
  const events = { redisUrl: redis.url, queuePrefix: redis.prefix };
  config = await startPlatformConfigAdmin({
    issuer,
    now: clock.now,
    serviceSecret: campaignTestServiceSecret,
    events,
  });
  campaigns = await startCampaignHarness({
    jwksUrl: issuer.jwksUrl,
    brandServiceUrl: 'http://127.0.0.1:9',
    streamerServiceUrl: 'http://127.0.0.1:9',
    clock,
    queuePrefix: redis.prefix,
    platformConfig: config.clientFor('campaign'),
  });
});
afterAll(async () => {
  await campaigns.close();
  await config.close();
  await redis.clear();
  await issuer.close();
});

it('a campaign created without a cool-off gets the default in force; an explicit one wins', async () => {
  const brand = campaigns.client(await issuer.tokenFor(testCast().brandA));
  const withoutCooloff = () => ({
    ...sampleCampaign({}, clock.now()),
    gkeyCooloffHours: undefined,
  });

  const before = await brand.campaign.create.mutate(withoutCooloff());
  expect(before.gkeyCooloffHours).toBe(720);
  expect(await brand.campaign.newCampaignDefaults.query()).toEqual({ gkeyCooloffHours: 720 });

  await config.change({ defaultGKeyCooloffHours: 48 });
  // The campaign service applied config.changed.
  await eventually(
    async () =>
      (await campaigns.db.processedEvent.count({ where: { consumer: 'campaign' } })) === 1,
  );

  const after = await brand.campaign.create.mutate(withoutCooloff());
  expect(after.gkeyCooloffHours).toBe(48);
  expect(await brand.campaign.newCampaignDefaults.query()).toEqual({ gkeyCooloffHours: 48 });
  const explicit = await brand.campaign.create.mutate(
    sampleCampaign({ gkeyCooloffHours: 6 }, clock.now()),
  );
  expect(explicit.gkeyCooloffHours).toBe(6);

  // Stored at creation: the earlier campaign keeps the default it was created with.
  expect(
    (await campaigns.db.campaign.findUniqueOrThrow({ where: { id: before.id } })).gkeyCooloffHours,
  ).toBe(720);
});
