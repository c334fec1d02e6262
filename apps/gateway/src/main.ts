import {
  InvalidEnvironmentError,
  createLogger,
  parseEnv,
  startTracing,
  stopTracing,
  tracingConfigFromEnv,
} from '@gametriggers/trpc';
import { createAccessTokenVerifier } from '@gametriggers/tokens';
import { Redis } from 'ioredis';
import { gatewayEnvSchema, serviceUrlsFrom } from './env';
import { createGateway } from './server';
import { createSessionRevocations } from './session-revocations';
import { startSessionEndConsumer } from './session-end-consumer';

const log = createLogger('gateway');
function environment() {
  try {
    const env = parseEnv('gateway', gatewayEnvSchema);
    // Off unless OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_TRACES_EXPORTER=otlp) is set.
    startTracing(tracingConfigFromEnv('gateway'));
    return env;
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    // Every missing or invalid variable at once, without a stack trace in the way.
    console.error(error.message);
    process.exit(1);
  }
}
const env = environment();
const redis = new Redis(env.REDIS_URL, {
  maxRetriesPerRequest: 1,
  // Concurrent requests' rate-limit scripts share one write to Redis.
  enableAutoPipelining: true,
});
const now = () => new Date();
const revocations = createSessionRevocations(redis, {
  keyPrefix: `${env.REDIS_PREFIX}:gateway:sessions-ended`,
  // Five minutes beyond the token lifetime: room for the clocks of identity and Redis to differ.
  retentionMs: (env.ACCESS_TOKEN_TTL_SECONDS + 300) * 1000,
});
const sessionEndings = startSessionEndConsumer({
  redisUrl: env.REDIS_URL,
  queuePrefix: env.REDIS_PREFIX,
  revocations,
  log,
});
const gateway = await createGateway({
  port: env.PORT,
  host: env.HOST,
  serviceUrls: serviceUrlsFrom(process.env),
  identityJwksUrl: env.IDENTITY_JWKS_URL,
  accessTokens: createAccessTokenVerifier({
    jwksUrl: env.IDENTITY_JWKS_URL,
    issuer: env.TOKEN_ISSUER,
    audience: env.TOKEN_AUDIENCE,
    now,
  }),
  serviceSecret: env.SERVICE_SECRET,
  redis,
  revocations,
  corsOrigins: env.CORS_ORIGINS,
  maxBodyBytes: env.MAX_BODY_BYTES,
  rateLimits: {
    windowMs: env.RATE_LIMIT_WINDOW_MS,
    perUser: env.RATE_LIMIT_PER_USER,
    perIp: env.RATE_LIMIT_PER_IP,
    keyPrefix: `${env.REDIS_PREFIX}:ratelimit`,
  },
  overlayRateLimits: {
    perIp: env.OVERLAY_RATE_LIMIT_PER_IP,
    perKey: env.OVERLAY_RATE_LIMIT_PER_KEY,
  },
  shortLinkRateLimitPerIp: env.SHORT_LINK_RATE_LIMIT_PER_IP,
  timeouts: { connectMs: env.CONNECT_TIMEOUT_MS, responseMs: env.RESPONSE_TIMEOUT_MS },
  log,
  now,
  metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST },
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) process.exit(1); // a second signal: stop now
  stopping = true;
  log.info({ signal }, 'shutting down: draining requests in flight');
  void gateway
    .close()
    .then(() => sessionEndings.stop())
    .then(() => redis.quit())
    .then(stopTracing)
    .then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
