import { DEFAULT_QUEUE_PREFIX, createQueueStatsReader, startEventConsumer } from '@gametriggers/events';
import type { RealtimeConfig } from '@gametriggers/realtime';
import { createRealtimePublisher, realtimeConfigFromEnv } from '@gametriggers/realtime';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { createNotificationDb } from './database';
import type { NotificationDeps } from './domain/deps';
import type { EmailDelivery } from './email/email-delivery';
import { startEmailDelivery } from './email/email-delivery';
import type { NotificationEnv } from './env';
import type { NotificationConsumerTx, StoredNotification } from './events/notify-on-event';
import { notificationEventHandlers } from './events/notify-on-event';
import { createNotificationPush } from './realtime/notification-push';
import { createNotificationRouter } from './router';

export interface NotificationServiceOptions extends NotificationEnv {
  now?: () => Date;
  /** BullMQ key prefix (events and emails); tests give each file its own. */
  queuePrefix?: string;
  /** Pusher settings; default: from the `PUSHER_*` variables. */
  realtime?: RealtimeConfig;
  log?: Logger;
}

export interface NotificationService extends RunningService {
  deps: NotificationDeps;
}

export async function startNotificationService(
  options: NotificationServiceOptions,
): Promise<NotificationService> {
  const log = options.log ?? createLogger('notification');
  const now = options.now ?? (() => new Date());
  const prefix = options.queuePrefix ?? options.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX;
  const realtimeConfig = options.realtime ?? realtimeConfigFromEnv(options);
  const db = createNotificationDb(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const deps: NotificationDeps = { db, now };

  const email: EmailDelivery | undefined = options.SMTP_URL
    ? await startEmailDelivery({
        db,
        now,
        smtpUrl: options.SMTP_URL,
        from: options.MAIL_FROM,
        portalUrls: {
          brand: options.BRAND_PORTAL_URL,
          streamer: options.STREAMER_PORTAL_URL,
          admin: options.ADMIN_PORTAL_URL,
        },
        attempts: options.EMAIL_ATTEMPTS,
        retryDelayMs: options.EMAIL_RETRY_DELAY_MS,
        redisUrl: options.REDIS_URL,
        prefix,
        log,
      })
    : undefined;
  const push = createNotificationPush({
    publisher: createRealtimePublisher(realtimeConfig),
    db,
    log,
  });

  /** After an event's notifications commit: push them live, queue their emails. */
  async function afterCommit(stored: StoredNotification[]) {
    if (stored.length === 0) return;
    await push(stored);
    await email?.enqueue(
      stored.flatMap((notification) =>
        notification.emailDeliveryId ? [notification.emailDeliveryId] : [],
      ),
    );
  }

  const consumer = startEventConsumer({
    service: 'notification',
    redisUrl: options.REDIS_URL,
    queuePrefix: prefix,
    runInTransaction: async (work) => {
      const stored: StoredNotification[] = [];
      const result = await db.$transaction((prisma) => {
        const tx: NotificationConsumerTx = {
          $executeRawUnsafe: (query, ...values) => prisma.$executeRawUnsafe(query, ...values),
          prisma,
          stored,
        };
        return work(tx);
      });
      await afterCommit(stored);
      return result;
    },
    handlers: notificationEventHandlers({ now, emailEnabled: email !== undefined }),
    log,
  });

  const service = await startService({
    name: 'notification',
    port: options.PORT,
    host: options.HOST,
    router: createNotificationRouter(deps),
    auth: {
      accessTokens: createAccessTokenVerifier({
        jwksUrl: options.IDENTITY_JWKS_URL,
        issuer: options.TOKEN_ISSUER,
        audience: options.TOKEN_AUDIENCE,
        now,
      }),
      serviceSecret: options.SERVICE_SECRET,
    },
    queues: createQueueStatsReader({ redisUrl: options.REDIS_URL, prefix, service: 'notification' }),
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      redis: () => redis.ping(),
    },
    closeables: [
      () => consumer.stop(),
      async () => email?.stop(),
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps });
}
