import { z } from 'zod';
import type { Domain } from './routes';
import { domainRoutes } from './routes';

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

export const gatewayEnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().positive().default(4000),
  /** The internal listener for Prometheus's `/metrics` (never exposed on the public edge). */
  METRICS_HOST: z.string().default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().positive().default(9400),
  REDIS_URL: z.string().url('must be a redis:// URL'),
  /**
   * Prefix of the gateway's Redis keys (rate-limit windows, the revocation list) and BullMQ queue;
   * only tests and benchmarks sharing a Redis with a running platform set it.
   */
  REDIS_PREFIX: z.string().min(1).default('gt'),
  IDENTITY_JWKS_URL: z.string().url(),
  TOKEN_ISSUER: z.string().default('gametriggers-identity'),
  TOKEN_AUDIENCE: z.string().default('gametriggers'),
  /** Identity's access-token lifetime: a suspension's entry in the revocation list outlives it. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  SERVICE_SECRET: z.string().min(32, 'must be at least 32 characters'),
  CORS_ORIGINS: csv.default([
    'http://localhost:3000',
    'http://localhost:3001',
    'http://localhost:3002',
    'http://localhost:3003',
  ]),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  RATE_LIMIT_PER_USER: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(300),
  OVERLAY_RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(600),
  OVERLAY_RATE_LIMIT_PER_KEY: z.coerce.number().int().positive().default(120),
  SHORT_LINK_RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(120),
  CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(1_000),
  RESPONSE_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});

/**
 * `<DOMAIN>_SERVICE_URL`, defaulting to the service's port on this machine: one base URL, or the
 * replicas' base URLs separated by commas (the gateway balances between them). Behind a load
 * balancer of its own (a Kubernetes Service, Compose's DNS), one URL is enough.
 */
export function serviceUrlsFrom(
  source: Record<string, string | undefined>,
): Record<Domain, string[]> {
  return Object.fromEntries(
    Object.entries(domainRoutes).map(([domain, route]) => {
      const given = source[`${domain.toUpperCase()}_SERVICE_URL`];
      const urls = given === undefined ? [] : csv.parse(given);
      return [domain, urls.length ? urls : [`http://127.0.0.1:${route.defaultPort}`]];
    }),
  ) as Record<Domain, string[]>;
}
