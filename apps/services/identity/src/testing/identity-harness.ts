import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, createTestRedisNamespace } from '@gametriggers/testing';
import { createServiceClient } from '@gametriggers/trpc';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { startIdentityService } from '../app';
import type { IdentityServiceOptions } from '../app';
import type { IdentityRouter } from '../router';
import { identityPeople } from './identity-people';

export const identityMigrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../prisma/migrations',
);

export const testServiceSecret = 'test-service-secret-of-at-least-32-chars';

export interface IdentityHarnessOptions {
  now?: () => Date;
  refreshReuseLeewayMs?: number;
  ACCESS_TOKEN_TTL_SECONDS?: number;
  /** BullMQ prefix; share the notification harness's to have its mails sent. Default: its own. */
  queuePrefix?: string;
}

/**
 * A real identity service for tests: its own fresh database and Redis namespace, listening on a
 * free port. `close()` stops everything and drops the database. Identity mails nothing itself (the
 * notification service sends its mails): `linkTokenFor` reads a requested link as that service does.
 */
export async function startIdentityHarness(options: IdentityHarnessOptions = {}) {
  const database = await createTestDatabase(identityMigrationsDir, 'identity');
  const redis = createTestRedisNamespace('identity');
  const config: IdentityServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    SERVICE_SECRET: testServiceSecret,
    SIGNING_KEY_SECRET: 'test-signing-key-secret-of-32-chars!!',
    LANDING_URL: 'http://localhost:3000',
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SIGNING_KEY_ROTATION_DAYS: 30,
    ...options,
    queuePrefix: options.queuePrefix ?? redis.prefix,
  };
  const service = await startIdentityService(config);
  const services = createServiceClient<IdentityRouter>({
    url: service.url,
    secret: testServiceSecret,
    caller: 'notification',
  });

  function client(headers: () => Record<string, string> = () => ({})) {
    return createTRPCClient<IdentityRouter>({
      links: [httpLink({ url: `${service.url}/trpc`, transformer: superjson, headers })],
    });
  }

  const jwksUrl = `${service.url}/.well-known/jwks.json`;

  return {
    url: service.url,
    jwksUrl,
    service,
    config,
    client,
    /** Identity as another service calls it (its `internal` procedures). */
    services,
    /** Who the tests act as: the seed fixture, the root super admin, people and admins. */
    people: identityPeople({
      client,
      deps: service.deps,
      jwksUrl,
      serviceSecret: testServiceSecret,
      now: options.now ?? (() => new Date()),
    }),
    /**
     * The token of the newest link mailed to `to` for `purpose`, fetched as the notification service
     * fetches it when it sends the mail (the event names the link, never carries it).
     */
    async linkTokenFor(to: string, purpose: 'email_verification' | 'password_reset') {
      const type = purpose === 'email_verification' ? 'user.email_verification_requested' : 'user.password_reset_requested';
      const [event] = await service.deps.db.outboxEvent.findMany({
        where: { type, payload: { path: ['email'], equals: to } },
        orderBy: { occurredAt: 'desc' },
        take: 1,
      });
      if (!event) throw new Error(`No ${purpose} mail was requested for ${to}`);
      const { linkId } = event.payload as { linkId: string };
      const { link } = await services.identity.internal.mailLink.query({ linkId });
      const token = new URL(link).searchParams.get('token');
      if (!token) throw new Error(`No token in the ${purpose} link for ${to}`);
      return token;
    },
    /**
     * Another identity process on the same database and queues (a second replica, as production
     * runs several behind the gateway): same keys, so each accepts the other's tokens.
     */
    async startReplica() {
      const replica = await startIdentityService({ ...config, PORT: 0 });
      return { url: replica.url, close: () => replica.close(1_000) };
    },
    async close() {
      await service.close(1_000);
      await redis.clear();
      await database.drop();
    },
  };
}
export type IdentityHarness = Awaited<ReturnType<typeof startIdentityHarness>>;
