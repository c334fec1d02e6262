import type { PlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import { startPlatformConfigAdmin } from '@gametriggers/platform-config/testing';
import { createTestRedisNamespace, eventually, fixedClock, startTestTokenIssuer, testCast } from '@gametriggers/testing';
import type { TestRedisNamespace, TestTokenIssuer } from '@gametriggers/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ParticipationHarness } from './testing/participation-harness';
import { participationTestServiceSecret, startParticipationHarness } from './testing/participation-harness';

const clock = fixedClock('2026-03-10T18:00:00Z');
let issuer: TestTokenIssuer;
let redis: TestRedisNamespace;
let config: PlatformConfigAdmin;
let participation: ParticipationHarness;

beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  redis = createTestRedisNamespace('participation-config');
  const events = { redisUrl: redis.url, queuePrefix: redis.prefix };
  config = await startPlatformConfigAdmin({ issuer, now: clock.now, serviceSecret: participationTestServiceSecret, events });
  participation = await startParticipationHarness({
    jwksUrl: issuer.jwksUrl,
    campaignServiceUrl: 'http://127.0.0.1:9',
    streamerServiceUrl: 'http://127.0.0.1:9',
    // No profile: energy days are UTC days.
    streamers: { matchingProfile: () => Promise.resolve(null) },
    now: clock.now,
    queuePrefix: redis.prefix,
    platformConfig: config.clientFor('participation'),
  });
});
afterAll(async () => {
  await participation.close();
  await config.close();
  await redis.clear();
  await issuer.close();
});

it('energy packs a day changed in the admin service are a streamer’s capacity at once', async () => {
  const streamer = participation.client(await issuer.tokenFor(testCast().streamerA));
  expect(await streamer.participation.energy.get.query()).toMatchObject({ capacity: 10, remaining: 10 });

  await config.change({ energyPacksPerDay: 12 });
  await eventually(
    async () => (await participation.db.processedEvent.count({ where: { consumer: 'participation' } })) === 1,
    'the participation service to apply config.changed',
  );

  expect(await streamer.participation.energy.get.query()).toMatchObject({ capacity: 12, remaining: 12 });
});
