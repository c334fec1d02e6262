import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventSender } from '@gametriggers/events/testing';
import type { RealtimeConfig } from '@gametriggers/realtime';
import type { PusherStandIn } from '@gametriggers/realtime/stand-in';
import { startPusherStandIn } from '@gametriggers/realtime/stand-in';
import { createPersonClient } from '@gametriggers/trpc';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import type { NotificationServiceOptions } from '../app';
import type { IdentityAccounts } from '../clients/identity-accounts';
import { startNotificationService } from '../app';
import type { NotificationRouter } from '../router';

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
  /** BullMQ prefix; share identity's to have its events arrive. Default: its own. */
  queuePrefix?: string;
  /** How long digests collect (default 15 minutes). */
  digestWindowMs?: number;
}

/**
 * A real notification service for tests: its own fresh database, Redis namespace and Pusher
 * stand-in, on a free port. `send` puts an event on its queue as the relay does and waits until
 * it is applied.
 */
export async function startNotificationHarness(options: NotificationHarnessOptions) {
  const database = await createTestDatabase(notificationMigrationsDir, 'notification');
  const redis = createTestRedisNamespace('notification');
  const pusher: PusherStandIn = await startPusherStandIn({ port: 0, host: '127.0.0.1', apps: [notificationTestPusherApp] });
  const realtime: RealtimeConfig = {
    appId: notificationTestPusherApp.id,
    key: notificationTestPusherApp.key,
    secret: notificationTestPusherApp.secret,
    host: pusher.wsHost,
    port: pusher.httpPort,
    useTLS: false,
  };
  const now = options.now ?? (() => notificationTestNow);
  const config: NotificationServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: notificationTestServiceSecret,
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
    queuePrefix: options.queuePrefix ?? redis.prefix,
    realtime,
    now,
    ...(options.identity ? { identity: options.identity } : {}),
  };
  const service = await startNotificationService(config);
  const db = service.deps.db;
  const sender = createEventSender({
    consumer: 'notification',
    redisUrl: redis.url,
    queuePrefix: config.queuePrefix ?? redis.prefix,
    now,
    isApplied: async (eventId) =>
      (await db.processedEvent.count({ where: { consumer: 'notification', eventId } })) > 0,
  });

  function client(token?: string) {
    return createPersonClient<NotificationRouter>({ url: service.url, accessToken: token });
  }

  return {
    url: service.url,
    service,
    config,
    db,
    pusher,
    realtime,
    send: sender.send,
    client,
    async close() {
      await service.close(1_000);
      await sender.close();
      await pusher.close();
      await redis.clear();
      await database.drop();
    },
  };
}
export type NotificationHarness = Awaited<ReturnType<typeof startNotificationHarness>>;
