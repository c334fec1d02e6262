import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import { createPersonClient } from '@gametriggers/trpc';
import type { ParticipationServiceOptions } from '../app';
import { startParticipationService } from '../app';
import type { CampaignLookup, StreamerLookup } from '../domain/deps';
import type { ParticipationRouter } from '../router';

export const participationMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const participationTestServiceSecret = 'test-service-secret-of-at-least-32-chars';

export interface ParticipationHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  /** A running campaign service (`startCampaignHarness(...).url`). */
  campaignServiceUrl: string;
  /** A running streamer service (`startStreamerHarness(...).url`). */
  streamerServiceUrl: string;
  now?: () => Date;
  /** The shared service secret; defaults to `participationTestServiceSecret`. */
  serviceSecret?: string;
  /**
   * BullMQ prefix; pass the campaign harness's `config.queuePrefix` to have events flow between the
   * two (campaign.completed in, participation.* out). Default: a namespace of its own.
   */
  queuePrefix?: string;
  /** In-test stand-ins instead of calling the campaign/streamer services. */
  campaigns?: CampaignLookup;
  streamers?: StreamerLookup;
  databasePoolSize?: number;
  /** The platform configuration (default: the defaults; a client of an admin harness to test changes). */
  platformConfig?: PlatformConfigSource;
}

/**
 * A real participation service for tests: its own fresh database (and Redis namespace unless one
 * is shared), on a free port. `close()` stops it and drops the database.
 */
export async function startParticipationHarness(options: ParticipationHarnessOptions) {
  const database = await createTestDatabase(participationMigrationsDir, 'participation');
  const redis = createTestRedisNamespace('participation');
  const config: ParticipationServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: options.databasePoolSize ?? 10,
    REDIS_URL: redis.url,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: options.serviceSecret ?? participationTestServiceSecret,
    CAMPAIGN_SERVICE_URL: options.campaignServiceUrl,
    STREAMER_SERVICE_URL: options.streamerServiceUrl,
    ADMIN_SERVICE_URL: 'http://127.0.0.1:9',
    platformConfig: options.platformConfig ?? fixedPlatformConfig(),
    queuePrefix: options.queuePrefix ?? redis.prefix,
    now: options.now,
    campaigns: options.campaigns,
    streamers: options.streamers,
  };
  const service = await startParticipationService(config);

  /** A client as the person holding `token` (an access token), or anonymous without one. */
  function client(token?: string) {
    return createPersonClient<ParticipationRouter>({ url: service.url, accessToken: token });
  }

  return {
    url: service.url,
    service,
    config,
    client,
    /** The participation database (Prisma), e.g. to read keys, energy or `outbox_events`. */
    db: service.deps.db,
    async close() {
      await service.close(1_000);
      await redis.clear();
      await database.drop();
    },
  };
}
export type ParticipationHarness = Awaited<ReturnType<typeof startParticipationHarness>>;
