import { createAccessTokenVerifierWithKeys } from '@gametriggers/tokens';
import { createSecretBox, parseEncryptionKeys } from '@gametriggers/tokens/secret-box';
import { startOutboxRelay } from '@gametriggers/events';
import type { Logger, RunningService } from '@gametriggers/trpc';
import { createLogger, startService } from '@gametriggers/trpc';
import { Redis } from 'ioredis';
import { createIdentityDb } from './database';
import type { IdentityDeps } from './domain/deps';
import { createSigningKeyStore } from './domain/signing-keys';
import type { IdentityEnv } from './env';
import { twoFactorSettingsSchema } from './env';
import { createIdentityMetrics } from './identity-metrics';
import { createIdentityRouter } from './router';

type DefaultedSettings =
  | 'ACCESS_TOKEN_TTL_SECONDS'
  | 'IDENTITY_ENCRYPTION_KEYS'
  | 'IDENTITY_ENCRYPTION_ACTIVE_KEY_ID'
  | 'TOTP_ISSUER';

export interface IdentityServiceOptions
  extends Omit<IdentityEnv, DefaultedSettings>, Partial<Pick<IdentityEnv, DefaultedSettings>> {
  now?: () => Date;
  refreshReuseLeewayMs?: number;
  /** BullMQ key prefix; tests give each file its own. */
  queuePrefix?: string;
  log?: Logger;
}

export interface IdentityService extends RunningService {
  deps: IdentityDeps;
}

const KEY_ROTATION_CHECK_MS = 60 * 60_000;

export async function startIdentityService(
  options: IdentityServiceOptions,
): Promise<IdentityService> {
  const log = options.log ?? createLogger('identity');
  const now = options.now ?? (() => new Date());
  const db = createIdentityDb(options.DATABASE_URL);
  const redis = new Redis(options.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  await redis.connect();
  const keys = createSigningKeyStore({
    db,
    secret: options.SIGNING_KEY_SECRET,
    issuer: options.TOKEN_ISSUER,
    audience: options.TOKEN_AUDIENCE,
    rotationDays: options.SIGNING_KEY_ROTATION_DAYS,
    accessTokenTtlSeconds: options.ACCESS_TOKEN_TTL_SECONDS,
    now,
  });
  await keys.rotateIfDue();
  const rotationTimer = setInterval(() => {
    keys
      .rotateIfDue()
      .catch((error: unknown) => log.error({ err: error }, 'signing key rotation failed'));
  }, KEY_ROTATION_CHECK_MS);
  rotationTimer.unref();

  const defaults = twoFactorSettingsSchema.parse(options);
  const deps: IdentityDeps = {
    db,
    keys,
    secrets: createSecretBox(
      parseEncryptionKeys(defaults.IDENTITY_ENCRYPTION_KEYS),
      defaults.IDENTITY_ENCRYPTION_ACTIVE_KEY_ID,
    ),
    totpIssuer: defaults.TOTP_ISSUER,
    landingUrl: options.LANDING_URL,
    now,
    refreshReuseLeewayMs: options.refreshReuseLeewayMs ?? 10_000,
  };
  const counters = createIdentityMetrics();
  const relay = startOutboxRelay({
    databaseUrl: options.DATABASE_URL,
    redisUrl: options.REDIS_URL,
    queuePrefix: options.queuePrefix ?? options.QUEUE_PREFIX,
    log,
    onPublished: counters.onPublished,
  });

  const service = await startService({
    name: 'identity',
    port: options.PORT,
    host: options.HOST,
    router: createIdentityRouter(deps),
    auth: {
      accessTokens: createAccessTokenVerifierWithKeys(keys.verificationKey, {
        issuer: options.TOKEN_ISSUER,
        audience: options.TOKEN_AUDIENCE,
        now,
      }),
      serviceSecret: options.SERVICE_SECRET,
    },
    outbox: relay,
    metrics: counters.metrics,
    readiness: {
      database: () => db.$queryRaw`SELECT 1`,
      redis: () => redis.ping(),
    },
    routes: {
      'GET /.well-known/jwks.json': async (_req, res) => {
        const body = JSON.stringify(await keys.publishedJwks());
        res.writeHead(200, {
          'content-type': 'application/jwk-set+json',
          'cache-control': 'public, max-age=60',
        });
        res.end(body);
      },
    },
    closeables: [
      () => relay.stop(),
      () => {
        clearInterval(rotationTimer);
        return Promise.resolve();
      },
      () => db.$disconnect(),
      () => redis.quit(),
    ],
    log,
  });
  return Object.assign(service, { deps });
}
