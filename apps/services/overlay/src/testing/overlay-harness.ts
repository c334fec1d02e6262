import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventSender } from '@gametriggers/events/testing';
import type { PusherStandIn } from '@gametriggers/realtime/stand-in';
import { startPusherStandIn } from '@gametriggers/realtime/stand-in';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import { createPersonClient, createServiceClient } from '@gametriggers/trpc';
import type { OverlayServiceOptions } from '../app';
import type { CampaignDirectory } from '../domain/deps';
import { startOverlayService } from '../app';
import type { OverlayRouter } from '../router';

export { connectOverlayPage } from './overlay-page';
export type { OverlayPage, ReceivedOverlayEvent } from './overlay-page';

export const overlayMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const overlayTestServiceSecret = 'test-service-secret-of-at-least-32-chars';

/** The Pusher app the harness's own stand-in serves (and the one to give a stand-in you pass in). */
export const overlayTestPusherApp = { id: 'overlay-test', key: 'overlay-test-key', secret: 'overlay-test-secret' };

export interface OverlayHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  campaignServiceUrl?: string;
  participationServiceUrl?: string;
  streamerServiceUrl?: string;
  /** A running Pusher stand-in serving `overlayTestPusherApp`; default: the harness starts its own. */
  pusher?: PusherStandIn;
  /** An in-test stand-in for the campaign service's `deliveryInfo` (instead of `campaignServiceUrl`). */
  campaigns?: CampaignDirectory;
  now?: () => Date;
  /** The performance strategy's exploration draws (default Math.random). */
  random?: () => number;
  serviceSecret?: string;
  /** BullMQ prefix; share one with other harnesses to have their events reach this service. */
  queuePrefix?: string;
}

/**
 * A real overlay service for tests: its own fresh database, Redis namespace and (unless one is
 * passed) Pusher stand-in, on a free port. `close()` stops it and drops everything it created.
 */
export async function startOverlayHarness(options: OverlayHarnessOptions) {
  const database = await createTestDatabase(overlayMigrationsDir, 'overlay');
  const redis = createTestRedisNamespace('overlay');
  const pusher = options.pusher ?? (await startPusherStandIn({ port: 0, host: '127.0.0.1', apps: [overlayTestPusherApp] }));
  const realtime = {
    appId: overlayTestPusherApp.id,
    key: overlayTestPusherApp.key,
    secret: overlayTestPusherApp.secret,
    host: pusher.wsHost,
    port: pusher.httpPort,
    useTLS: false,
  };
  const serviceSecret = options.serviceSecret ?? overlayTestServiceSecret;
  const config: OverlayServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: serviceSecret,
    CAMPAIGN_SERVICE_URL: options.campaignServiceUrl ?? 'http://127.0.0.1:1',
    SHORT_LINK_BASE_URL: 'http://gateway.test',
    // A fresh encryption key per harness; tests read it back from `config` to look at stored rows.
    OVERLAY_ENCRYPTION_KEYS: `test1:${randomBytes(32).toString('base64')}`,
    OVERLAY_ENCRYPTION_ACTIVE_KEY_ID: 'test1',
    queuePrefix: options.queuePrefix ?? redis.prefix,
    realtime,
    campaigns: options.campaigns,
    now: options.now,
    random: options.random,
  };
  const service = await startOverlayService(config);
  const events = createEventSender({
    consumer: 'overlay',
    redisUrl: redis.url,
    queuePrefix: config.queuePrefix ?? redis.prefix,
    isApplied: async (eventId) =>
      (await service.deps.db.processedEvent.findUnique({
        where: { consumer_eventId: { consumer: 'overlay', eventId } },
      })) !== null,
    now: service.deps.now,
  });

  /** A client as the person holding `token` (an access token), or anonymous without one. */
  function client(token?: string) {
    return createPersonClient<OverlayRouter>({ url: service.url, accessToken: token });
  }

  /** A client as another service (for `overlay.internal.*`). */
  function serviceClient(caller: string) {
    return createServiceClient<OverlayRouter>({ url: service.url, secret: serviceSecret, caller });
  }

  /** The streamer's overlay and a working key (regenerated if the overlay already existed). */
  async function createOverlayFor(streamerToken: string): Promise<{ overlayId: string; key: string }> {
    const api = client(streamerToken);
    const overlay = await api.overlay.get.query();
    const withKey = overlay.key ? overlay : await api.overlay.regenerateKey.mutate();
    if (!withKey.key) throw new Error('The overlay service returned no key');
    return { overlayId: withKey.overlayId, key: withKey.key };
  }

  return {
    url: service.url,
    service,
    config,
    client,
    serviceClient,
    createOverlayFor,
    /** The Pusher stand-in the service publishes to, and its settings for pusher-js clients. */
    pusher,
    realtime,
    db: service.deps.db,
    /** Delivers an event to the service as the outbox relay would, resolving once it is applied. */
    sendEvent: events.send,
    async close() {
      await events.close();
      await service.close(1_000);
      if (!options.pusher) await pusher.close();
      await redis.clear();
      await database.drop();
    },
  };
}
export type OverlayHarness = Awaited<ReturnType<typeof startOverlayHarness>>;
