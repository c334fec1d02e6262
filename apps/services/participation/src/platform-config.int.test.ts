import type { AdminHarness } from '@gametriggers/admin-service/testing';
import { startAdminHarness } from '@gametriggers/admin-service/testing';
import { createPlatformConfigClient } from '@gametriggers/platform-config';
import { createTestRedisNamespace, eventually, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ParticipationHarness } from './testing/participation-harness';
import { participationTestServiceSecret, startParticipationHarness } from './testing/participation-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
const cast = testCast();
let issuer: TestTokenIssuer;
let redis: TestRedisNamespace;
let admin: AdminHarness;
let participation: ParticipationHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('participation-config');
  admin = await startAdminHarness({
    jwksUrl: issuer.jwksUrl,
    now: clock.now,
    serviceSecret: participationTestServiceSecret,
    events: { redisUrl: redis.url, queuePrefix: redis.prefix },
  });
  participation = await startParticipationHarness({
    jwksUrl: issuer.jwksUrl,
    campaignServiceUrl: 'http://127.0.0.1:9',
    streamerServiceUrl: 'http://127.0.0.1:9',
    // No profile: energy days are UTC days.
    streamers: { matchingProfile: () => Promise.resolve(null) },
    now: clock.now,
    queuePrefix: redis.prefix,
    platformConfig: createPlatformConfigClient({
      adminServiceUrl: admin.url,
      serviceSecret: participationTestServiceSecret,
      caller: 'participation',
      now: clock.now,
    }),
  });
});
afterAll(async () => {
  await participation.close();
  await admin.close();
  await redis.clear();
  await issuer.close();
});

it('energy packs a day changed in the admin service are a streamer’s capacity at once', async () => {
  const streamer = participation.client(await issuer.tokenFor(cast.streamerA));
  expect(await streamer.participation.energy.get.query()).toMatchObject({ capacity: 10, remaining: 10 });

  const superAdmin = admin.client(await issuer.tokenFor(cast.superAdmin));
  await superAdmin.admin.config.update.mutate({ changes: { energyPacksPerDay: 12 }, reason: 'Weekend event', expectedVersion: 0 });
  await eventually(
    async () => (await participation.db.processedEvent.count({ where: { consumer: 'participation' } })) === 1,
    'the participation service to apply config.changed',
  );

  expect(await streamer.participation.energy.get.query()).toMatchObject({ capacity: 12, remaining: 12 });
});
