import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventSender } from '@gametriggers/events/testing';
import { createPersonClient, createServiceClient } from '@gametriggers/trpc';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import type { AdminServiceOptions } from '../app';
import { startAdminService } from '../app';
import type { AdminRouter } from '../router';

export const adminMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const adminTestServiceSecret = 'test-service-secret-of-at-least-32-chars';
export const adminTestCheckpointKey = 'test-audit-checkpoint-key-of-32-chars-or-more';

export interface AdminHarnessOptions {
  /** The JWKS of the token issuer whose access tokens the service accepts (`startTestTokenIssuer`). */
  jwksUrl: string;
  now?: () => Date;
  serviceSecret?: string;
  /**
   * The Redis URL and BullMQ prefix to share with the services whose admin actions it should hear
   * (their outbox relays publish to the admin queue under that prefix); default: its own namespace.
   */
  events?: { redisUrl: string; queuePrefix: string };
  /** The services the health page probes (itself added); default: only itself. */
  serviceUrls?: Record<string, string>;
}

/**
 * A real admin service for tests: its own fresh database and Redis namespace, on a free port.
 * `close()` stops it and drops the database.
 */
export async function startAdminHarness(options: AdminHarnessOptions) {
  const database = await createTestDatabase(adminMigrationsDir, 'admin');
  const redis = options.events ? undefined : createTestRedisNamespace('admin');
  const events = options.events ?? { redisUrl: redis!.url, queuePrefix: redis!.prefix };
  const config: AdminServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: events.redisUrl,
    IDENTITY_JWKS_URL: options.jwksUrl,
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SERVICE_SECRET: options.serviceSecret ?? adminTestServiceSecret,
    AUDIT_CHECKPOINT_KEY: adminTestCheckpointKey,
    AUDIT_CHECKPOINT_KEY_ID: 'test-1',
    // Tests sign checkpoints themselves (`signAuditCheckpoint`); the schedule stays out of the way.
    AUDIT_CHECKPOINT_EVERY_MS: 3_600_000,
    // Generous: a loaded test machine answers slowly; a stopped service is refused at once anyway.
    HEALTH_PROBE_TIMEOUT_MS: 10_000,
    serviceUrls: options.serviceUrls,
    queuePrefix: events.queuePrefix,
    now: options.now,
  };
  const service = await startAdminService(config);
  const db = service.deps.db;
  const sender = createEventSender({
    consumer: 'admin',
    redisUrl: events.redisUrl,
    queuePrefix: events.queuePrefix,
    now: service.deps.now,
    isApplied: async (eventId) =>
      (await db.processedEvent.count({ where: { consumer: 'admin', eventId } })) > 0,
  });

  /** A client as the person holding `token` (an access token), or anonymous without one. */
  function client(token?: string) {
    return createPersonClient<AdminRouter>({ url: service.url, accessToken: token });
  }

  /** A client as another service (for `admin.*.internal.*`). */
  function serviceClient(caller = 'test') {
    return createServiceClient<AdminRouter>({
      url: service.url,
      secret: config.SERVICE_SECRET,
      caller,
    });
  }

  /** Waits until the audit log holds `count` entries matching `where` (they arrive through the queue). */
  async function waitForAuditEntries(
    where: { action?: string; subjectId?: string; actorId?: string },
    count = 1,
    timeoutMs = 10_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const entries = await db.auditEntry.findMany({
        where,
        orderBy: { sequence: 'asc' },
        include: { personal: true },
      });
      if (entries.length >= count || Date.now() > deadline) return entries;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    url: service.url,
    service,
    config,
    client,
    serviceClient,
    /** Sends an event to the admin service's queue as a relay would, and waits until it is applied. */
    events: sender,
    waitForAuditEntries,
    db,
    async close() {
      await sender.close();
      await service.close(1_000);
      await redis?.clear();
      await database.drop();
    },
  };
}
export type AdminHarness = Awaited<ReturnType<typeof startAdminHarness>>;
