import { createAccessTokenVerifier } from '@gametriggers/tokens';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { serviceUrlsFrom } from './env';
import type { Domain } from './routes';
import type { GatewayOptions } from './server';
import { createSessionRevocations } from './session-revocations';

/**
 * Gateway options for tests and benchmarks: a free port, identity's JWKS, services not given
 * pointing where nothing listens, generous limits and silent logs, all on the test's clock `now`
 * (the identity service's, so its tokens expire when it says).
 */
export function testGatewayOptions(input: {
  identity: { url: string; jwksUrl: string };
  serviceSecret: string;
  redis: Redis;
  rateLimitPrefix: string;
  now: () => Date;
  serviceUrls?: Partial<Record<Domain, string | readonly string[]>>;
  overrides?: Partial<GatewayOptions>;
}): GatewayOptions {
  const unreachable = Object.fromEntries(
    Object.keys(serviceUrlsFrom({})).map((domain) => [domain, 'http://127.0.0.1:9']),
  ) as Record<Domain, string>;
  return {
    port: 0,
    serviceUrls: { ...unreachable, identity: input.identity.url, ...input.serviceUrls },
    identityJwksUrl: input.identity.jwksUrl,
    accessTokens: createAccessTokenVerifier({
      jwksUrl: input.identity.jwksUrl,
      issuer: 'gametriggers-identity',
      audience: 'gametriggers',
      now: input.now,
    }),
    serviceSecret: input.serviceSecret,
    redis: input.redis,
    revocations: createSessionRevocations(input.redis, {
      keyPrefix: `${input.rateLimitPrefix}:sessions-ended`,
      retentionMs: 20 * 60_000,
    }),
    corsOrigins: [],
    maxBodyBytes: 1024 * 1024,
    rateLimits: { windowMs: 60_000, perUser: 1_000, perIp: 1_000, keyPrefix: input.rateLimitPrefix },
    timeouts: { connectMs: 500, responseMs: 5_000 },
    log: pino({ level: 'silent' }),
    now: input.now,
    ...input.overrides,
  };
}
