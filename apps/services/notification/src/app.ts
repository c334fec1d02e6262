import { DEFAULT_QUEUE_PREFIX, createQueueStatsReader, startEventConsumer } from '@gametriggers/events';
import type { RealtimeConfig } from '@gametriggers/realtime';
import { createRealtimePublisher, realtimeConfigFromEnv } from '@gametriggers/realtime';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import type { IdentityAccounts } from './clients/identity-accounts';
import { createIdentityAccounts } from './clients/identity-accounts';
import { createNotificationDb } from './database';
import { createDigestSender } from './digests/digests';
import type { DigestSender } from './digests/digests';
import type { NotificationDeps } from './domain/deps';
import { createAddressBook } from './email/address-book';
import type { EmailDelivery } from './email/email-delivery';
import { startEmailDelivery } from './email/email-delivery';
import type { NotificationEnv } from './env';
import type { NotificationConsumerTx, StoredNotification } from './events/notify-on-event';
import { notificationEventHandlers } from './events/notify-on-event';
import type { AudienceDirectory } from './fan-out/audience-directory';
import { createAudienceDirectory } from './fan-out/audience-directory';
import type { FanOutProgress } from './fan-out/fan-out-runner';
import { startFanOuts } from './fan-out/fan-out-runner';
import type { FanOutKey } from './fan-out/fan-out-store';
import { createNotificationPush } from './realtime/notification-push';
import { createNotificationRouter } from './router';

export interface NotificationServiceOptions extends NotificationEnv {
  now?: () => Date;
  /** BullMQ key prefix (events and emails); tests give each file its own. */
  queuePrefix?: string;
  /** Pusher settings; default: from the `PUSHER_*` variables. */
  realtime?: RealtimeConfig;
  /** Identity's answers (addresses, account links); default: a client of `IDENTITY_SERVICE_URL`. */
  identity?: IdentityAccounts;
  log?: Logger;
  /** Where audiences are read; default: the campaign, streamer and participation services at their URLs. */
  audiences?: AudienceDirectory;
  /** Called after each fan-out page commits (tests stop a run there). */
  afterFanOutPage?: (progress: FanOutProgress) => void | Promise<void>;
}

export interface NotificationService extends RunningService {
  deps: NotificationDeps;
  /** Sends due digests (also every `DIGEST_SWEEP_EVERY_MS`); tests call it with their clock. */
  digests: DigestSender;
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
  const identity =
    options.identity ?? createIdentityAccounts({ url: options.IDENTITY_SERVICE_URL, secret: options.SERVICE_SECRET });
  if (!options.SMTP_URL) log.warn({}, 'SMTP_URL is not set: no email is sent, account verification and reset mails included');

  const email: EmailDelivery | undefined = options.SMTP_URL
    ? await startEmailDelivery({
        db,
        now,
        smtpUrl: options.SMTP_URL,
        addresses: createAddressBook({ db, identity, now, maxAgeMs: options.RECIPIENT_CACHE_MS, log }),
        identity,
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
  const publisher = createRealtimePublisher(realtimeConfig);
  const push = createNotificationPush({ publisher, db, log });
  const fanOuts = await startFanOuts({
    db,
    directory:
      options.audiences ??
      createAudienceDirectory({
        campaignServiceUrl: options.CAMPAIGN_SERVICE_URL,
        streamerServiceUrl: options.STREAMER_SERVICE_URL,
        participationServiceUrl: options.PARTICIPATION_SERVICE_URL,
        secret: options.SERVICE_SECRET,
      }),
    publisher,
    now,
    emailEnabled: email !== undefined,
    enqueueEmails: async (deliveryIds) => email?.enqueue(deliveryIds),
    pageSize: options.FAN_OUT_PAGE_SIZE,
    log,
    ...(options.afterFanOutPage ? { afterPageStored: options.afterFanOutPage } : {}),
    redisUrl: options.REDIS_URL,
    prefix,
  });

  /** After an event's notifications commit: push them live, queue their emails, start its fan-outs. */
  async function afterCommit(stored: StoredNotification[], recordedFanOuts: FanOutKey[] = []) {
    await fanOuts.enqueue(recordedFanOuts);
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
      const recordedFanOuts: FanOutKey[] = [];
      const result = await db.$transaction((prisma) => {
        const tx: NotificationConsumerTx = {
          $executeRawUnsafe: (query, ...values) => prisma.$executeRawUnsafe(query, ...values),
          prisma,
          stored,
          fanOuts: recordedFanOuts,
        };
        return work(tx);
      });
      await afterCommit(stored, recordedFanOuts);
      return result;
    },
    handlers: notificationEventHandlers({ now, emailEnabled: email !== undefined, digestWindowMs: options.DIGEST_WINDOW_MS }),
    log,
  });

  const digests = createDigestSender({ db, now, emailEnabled: email !== undefined, afterCommit, log });
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweepDigests = () => {
    sweeping = digests.sweep().catch((error: unknown) => log.error({ err: error }, 'digest sweep failed'));
  };
  sweepDigests();
  const digestTimer = setInterval(sweepDigests, options.DIGEST_SWEEP_EVERY_MS);
  digestTimer.unref();

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
      async () => {
        clearInterval(digestTimer);
        await sweeping;
      },
      () => consumer.stop(),
      () => fanOuts.stop(),
      async () => email?.stop(),
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps, digests });
}
