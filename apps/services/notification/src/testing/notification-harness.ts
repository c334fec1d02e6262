import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventSender } from '@gametriggers/events/testing';
import type { RealtimeConfig } from '@gametriggers/realtime';
import type { PusherStandIn } from '@gametriggers/realtime/stand-in';
import { startPusherStandIn } from '@gametriggers/realtime/stand-in';
import { createPersonClient } from '@gametriggers/trpc';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import type { NotificationService, NotificationServiceOptions } from '../app';
import type { IdentityAccounts } from '../clients/identity-accounts';
import { startNotificationService } from '../app';
import { createNotificationDb } from '../database';
import type { FanOutProgress } from '../fan-out/fan-out-runner';
import type { NotificationRouter } from '../router';
import { createAudienceStandIn } from './audience-stand-in';

export { createAudienceStandIn } from './audience-stand-in';
export type { AudienceStandIn, AudienceStandInState, StandInStreamer } from './audience-stand-in';

export const notificationMigrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/migrations');

export const notificationTestServiceSecret = 'test-service-secret-of-at-least-32-chars';
export const notificationTestPusherApp = { id: 'notification-test', key: 'notification-test-key', secret: 'notification-test-secret' };

/** A fixed instant: tests never read the wall clock. */
export const notificationTestNow = new Date('2026-03-08T09:00:00.000Z');

export interface NotificationHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  now?: () => Date;
  /** An SMTP server (a mail catcher): email is on only with one. */
  smtpUrl?: string;
  emailAttempts?: number;
  emailRetryDelayMs?: number;
  /** A running identity service (`startIdentityHarness(...).url`): addresses and account links come from it. */
  identityServiceUrl?: string;
  /** Or an in-test stand-in for identity's answers (tests not about addresses). */
  identity?: IdentityAccounts;
  /** How long an address is trusted before identity is asked again (default 5 minutes). */
  recipientCacheMs?: number;
  /** How long digests collect (default 15 minutes). */
  digestWindowMs?: number;
  /**
   * The real audience services (campaign, streamer, participation); without them audiences come
   * from `harness.audiences`, an in-memory stand-in.
   */
  audienceServices?: { campaignServiceUrl: string; streamerServiceUrl: string; participationServiceUrl: string; serviceSecret?: string };
  /** Another harness's Redis and BullMQ prefix, so its services' events reach this consumer. */
  queues?: { redisUrl: string; prefix: string };
  fanOutPageSize?: number;
  afterFanOutPage?: (progress: FanOutProgress) => void | Promise<void>;
  /** False: everything but the service itself (`harness.start()` starts it; a crash test runs it elsewhere first). */
  start?: boolean;
}

/**
 * A real notification service for tests: its own fresh database, Redis namespace and Pusher
 * stand-in, on a free port. `send` puts an event on its queue as the relay does and waits until
 * it is applied.
 */
export async function startNotificationHarness(options: NotificationHarnessOptions) {
  const database = await createTestDatabase(notificationMigrationsDir, 'notification');
  const redis = createTestRedisNamespace('notification');
  const queues = options.queues ?? { redisUrl: redis.url, prefix: redis.prefix };
  const pusher: PusherStandIn = await startPusherStandIn({ port: 0, host: '127.0.0.1', apps: [notificationTestPusherApp] });
  const realtime: RealtimeConfig = {
    appId: notificationTestPusherApp.id,
    key: notificationTestPusherApp.key,
    secret: notificationTestPusherApp.secret,
    host: pusher.wsHost,
    port: pusher.httpPort,
    useTLS: false,
  };
  const audiences = createAudienceStandIn();
  const services = options.audienceServices;
  const now = options.now ?? (() => notificationTestNow);
  const config: NotificationServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: queues.redisUrl,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: services?.serviceSecret ?? notificationTestServiceSecret,
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    MAIL_FROM: 'Gametriggers <notifications@gametriggers.test>',
    BRAND_PORTAL_URL: 'http://brand.test',
    STREAMER_PORTAL_URL: 'http://streamer.test',
    ADMIN_PORTAL_URL: 'http://admin.test',
    EMAIL_ATTEMPTS: options.emailAttempts ?? 3,
    EMAIL_RETRY_DELAY_MS: options.emailRetryDelayMs ?? 20,
    // Nothing listens on port 9: without an identity, email cannot find addresses (and is retried).
    IDENTITY_SERVICE_URL: options.identityServiceUrl ?? 'http://127.0.0.1:9',
    RECIPIENT_CACHE_MS: options.recipientCacheMs ?? 5 * 60_000,
    DIGEST_WINDOW_MS: options.digestWindowMs ?? 15 * 60_000,
    // Tests sweep digests themselves (`service.digests.sweep(at)`); the timer only backs them up.
    DIGEST_SWEEP_EVERY_MS: 60_000,
    CAMPAIGN_SERVICE_URL: services?.campaignServiceUrl ?? 'http://127.0.0.1:9',
    STREAMER_SERVICE_URL: services?.streamerServiceUrl ?? 'http://127.0.0.1:9',
    PARTICIPATION_SERVICE_URL: services?.participationServiceUrl ?? 'http://127.0.0.1:9',
    FAN_OUT_PAGE_SIZE: options.fanOutPageSize ?? 1_000,
    queuePrefix: queues.prefix,
    realtime,
    now,
    ...(options.identity ? { identity: options.identity } : {}),
    ...(services ? {} : { audiences: audiences.directory }),
    ...(options.afterFanOutPage ? { afterFanOutPage: options.afterFanOutPage } : {}),
  };
  // The harness's own connection: it outlives a service stopped and started again.
  const db = createNotificationDb(database.url);
  let service: NotificationService | undefined;

  /** Starts the service (again, after `stop`), with these changes to its options. */
  async function start(overrides: Partial<NotificationServiceOptions> = {}) {
    if (service) throw new Error('The notification service is already running');
    service = await startNotificationService({ ...config, ...overrides });
    return service;
  }
  async function stop() {
    await service?.close(1_000);
    service = undefined;
  }
  const running = () => {
    if (!service) throw new Error('The notification service is not running (harness.start())');
    return service;
  };
  if (options.start !== false) await start();

  const sender = createEventSender({
    consumer: 'notification',
    redisUrl: queues.redisUrl,
    queuePrefix: queues.prefix,
    now,
    isApplied: async (eventId) =>
      (await db.processedEvent.count({ where: { consumer: 'notification', eventId } })) > 0,
  });

  function client(token?: string) {
    return createPersonClient<NotificationRouter>({ url: running().url, accessToken: token });
  }

  /** Waits until every fan-out recorded so far has finished (done or skipped). */
  async function fanOutsSettled(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while ((await db.fanOut.count({ where: { status: 'running' } })) > 0) {
      if (Date.now() > deadline) throw new Error(`Fan-outs still running after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  return {
    get url() {
      return running().url;
    },
    get service() {
      return running();
    },
    config,
    db,
    pusher,
    realtime,
    /** The in-memory audience services (unless real ones were given). */
    audiences,
    send: sender.send,
    client,
    start,
    stop,
    fanOutsSettled,
    async close() {
      await stop();
      await sender.close();
      await db.$disconnect();
      await pusher.close();
      await redis.clear();
      await database.drop();
    },
  };
}
export type NotificationHarness = Awaited<ReturnType<typeof startNotificationHarness>>;
