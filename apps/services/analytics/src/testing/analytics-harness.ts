import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventSender } from '@gametriggers/events/testing';
import { fixedPlatformConfig } from '@gametriggers/platform-config';
import type { PlatformConfigSource } from '@gametriggers/platform-config';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import { createLogger, createPersonClient } from '@gametriggers/trpc';
import type { AnalyticsServiceOptions } from '../app';
import { startAnalyticsService } from '../app';
import type { ClickThroughs } from '../clicks/click-throughs';
import type { ParticipationLookup } from '../clicks/participation-lookup';
import type { CampaignDirectory } from '../clients/campaign-directory';
import type { OverlayKeys } from '../clients/overlay-keys';
import type { StreamerDirectory } from '../clients/streamer-directory';
import { OVERLAY_KEY_HEADER } from '../ingest/ingest-route';
import type { AnalyticsRouter } from '../router';

export const analyticsMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const analyticsTestServiceSecret = 'test-service-secret-of-at-least-32-chars';

/** Ingest limits no test or bench reaches (the most the configuration allows). */
export const highestIngestLimits = { ingestRatePerKey: 10_000, ingestBurstPerKey: 100_000 };

export interface AnalyticsHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  /** A running overlay service (or stand-in) answering `overlay.internal.resolveKey`. */
  overlayServiceUrl: string;
  /** A running campaign service answering `campaign.internal.forParticipation`. */
  campaignServiceUrl?: string;
  now?: () => Date;
  serviceSecret?: string;
  /** BullMQ prefix; share one with other harnesses to have their events reach this service. */
  queuePrefix?: string;
  /** The platform configuration (default: the defaults with ingest limits no test reaches). */
  platformConfig?: PlatformConfigSource;
  /** In-test stand-ins instead of calling the overlay/campaign services. */
  overlayKeys?: OverlayKeys;
  campaigns?: CampaignDirectory;
  streamers?: StreamerDirectory;
  clickThroughs?: ClickThroughs;
  participations?: ParticipationLookup;
  /** How often the repeatable rollup job runs (default: hourly, so tests call `rollupNow()`). */
  rollupEveryMs?: number;
  /** How long a resolved overlay key is remembered (default 5 s, as in production). */
  overlayKeyCacheMs?: number;
}

/**
 * A real analytics service for tests: its own fresh database and Redis namespace, on a free port.
 * `close()` stops it and drops the database.
 */
export async function startAnalyticsHarness(options: AnalyticsHarnessOptions) {
  const database = await createTestDatabase(analyticsMigrationsDir, 'analytics');
  const redis = createTestRedisNamespace('analytics');
  const config: AnalyticsServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: options.serviceSecret ?? analyticsTestServiceSecret,
    OVERLAY_SERVICE_URL: options.overlayServiceUrl,
    CAMPAIGN_SERVICE_URL: options.campaignServiceUrl ?? 'http://127.0.0.1:9',
    LANDING_URL: 'http://landing.test',
    PARTICIPATION_SERVICE_URL: 'http://127.0.0.1:9',
    STREAMER_SERVICE_URL: 'http://127.0.0.1:9',
    ADMIN_SERVICE_URL: 'http://127.0.0.1:9',
    ROLLUP_EVERY_MS: options.rollupEveryMs ?? 60 * 60_000,
    queuePrefix: options.queuePrefix ?? redis.prefix,
    now: options.now,
    log: createLogger('analytics', 'warn'),
    overlayKeys: options.overlayKeys,
    campaigns: options.campaigns,
    streamers: options.streamers,
    clickThroughs: options.clickThroughs,
    participations: options.participations,
    overlayKeyCacheMs: options.overlayKeyCacheMs,
    platformConfig:
      options.platformConfig ?? fixedPlatformConfig(highestIngestLimits),
  };
  const service = await startAnalyticsService(config);
  const events = createEventSender({
    consumer: 'analytics',
    redisUrl: redis.url,
    queuePrefix: config.queuePrefix ?? redis.prefix,
    isApplied: async (eventId) =>
      (await service.deps.db.processedEvent.findUnique({
        where: { consumer_eventId: { consumer: 'analytics', eventId } },
      })) !== null,
    now: service.deps.now,
  });

  /** A client as the person holding `token` (an access token), or anonymous without one. */
  function client(token?: string) {
    return createPersonClient<AnalyticsRouter>({ url: service.url, accessToken: token });
  }

  /** Posts reports as the overlay holding `key`; returns the status and JSON answer. */
  async function ingest(key: string | undefined, body: unknown) {
    const response = await fetch(`${service.url}/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { [OVERLAY_KEY_HEADER]: key } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  return {
    url: service.url,
    service,
    config,
    client,
    ingest,
    db: service.deps.db,
    /** Puts an event on the service's queue and waits until its consumer applied it. */
    sendEvent: events.send,
    async close() {
      await events.close();
      await service.close(1_000);
      await redis.clear();
      await database.drop();
    },
  };
}
export type AnalyticsHarness = Awaited<ReturnType<typeof startAnalyticsHarness>>;
