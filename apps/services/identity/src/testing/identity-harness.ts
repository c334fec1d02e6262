import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createMailboxClient,
  createTestDatabase,
  createTestRedisNamespace,
  startMailCatcher,
} from '@gametriggers/testing';
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
}

/**
 * A real identity service for tests: its own fresh database, Redis namespace and mail catcher,
 * listening on a free port. `close()` stops everything and drops the database.
 */
export async function startIdentityHarness(options: IdentityHarnessOptions = {}) {
  const database = await createTestDatabase(identityMigrationsDir, 'identity');
  const redis = createTestRedisNamespace('identity');
  const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  const config: IdentityServiceOptions = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: 0,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    SERVICE_SECRET: testServiceSecret,
    SIGNING_KEY_SECRET: 'test-signing-key-secret-of-32-chars!!',
    SMTP_URL: mail.smtpUrl,
    MAIL_FROM: 'Gametriggers <no-reply@gametriggers.test>',
    LANDING_URL: 'http://localhost:3000',
    TOKEN_ISSUER: 'gametriggers-identity',
    TOKEN_AUDIENCE: 'gametriggers',
    SIGNING_KEY_ROTATION_DAYS: 30,
    queuePrefix: redis.prefix,
    ...options,
  };
  const service = await startIdentityService(config);
  const mailbox = createMailboxClient(mail.httpUrl);

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
    mailbox,
    client,
    /** Who the tests act as: the seed fixture, the root super admin, people and admins. */
    people: identityPeople({
      client,
      deps: service.deps,
      jwksUrl,
      serviceSecret: testServiceSecret,
      now: options.now ?? (() => new Date()),
    }),
    /** The token in the newest mailed link to `to` whose subject matches. */
    async linkTokenFor(to: string, subject: RegExp) {
      const message = await mailbox.waitForMessage({ to, subject, timeoutMs: 10_000 });
      const match = /token=([\w-]+)/.exec(message.text ?? '');
      if (!match?.[1]) throw new Error(`No token link in the mail to ${to}`);
      return match[1];
    },
    async close() {
      await service.close(1_000);
      await mail.close();
      await redis.clear();
      await database.drop();
    },
  };
}
export type IdentityHarness = Awaited<ReturnType<typeof startIdentityHarness>>;
