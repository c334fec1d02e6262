import { createAccessTokenVerifier } from '@gametriggers/tokens';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { gatewayEnvSchema, serviceUrlsFrom } from './env';
import { startGateway } from './gateway';

const log = pino({
  name: 'gateway',
  base: { service: 'gateway' },
  timestamp: pino.stdTimeFunctions.isoTime,
});
const parsed = gatewayEnvSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(
    'gateway cannot start: its environment is incomplete.\n' +
      parsed.error.issues
        .map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`)
        .join('\n'),
  );
  process.exit(1);
}
const env = parsed.data;
const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
const gateway = await startGateway({
  port: env.PORT,
  host: env.HOST,
  serviceUrls: serviceUrlsFrom(process.env),
  identityJwksUrl: env.IDENTITY_JWKS_URL,
  accessTokens: createAccessTokenVerifier({
    jwksUrl: env.IDENTITY_JWKS_URL,
    issuer: env.TOKEN_ISSUER,
    audience: env.TOKEN_AUDIENCE,
  }),
  serviceSecret: env.SERVICE_SECRET,
  redis,
  corsOrigins: env.CORS_ORIGINS,
  maxBodyBytes: env.MAX_BODY_BYTES,
  rateLimits: {
    windowMs: env.RATE_LIMIT_WINDOW_MS,
    perUser: env.RATE_LIMIT_PER_USER,
    perIp: env.RATE_LIMIT_PER_IP,
  },
  timeouts: { connectMs: env.CONNECT_TIMEOUT_MS, responseMs: env.RESPONSE_TIMEOUT_MS },
  log,
});

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  log.info('shutting down');
  void gateway
    .close()
    .then(() => redis.quit())
    .then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
