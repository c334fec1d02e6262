import { z } from 'zod';

/** Variables every service needs; a service extends this with its own. */
export const serviceEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url('must be a postgresql:// URL'),
  REDIS_URL: z.string().url('must be a redis:// URL'),
  IDENTITY_JWKS_URL: z.string().url(),
  TOKEN_ISSUER: z.string().default('gametriggers-identity'),
  TOKEN_AUDIENCE: z.string().default('gametriggers'),
  SERVICE_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** BullMQ key prefix: tests give each run its own; left unset, the events kit's default. */
  QUEUE_PREFIX: z.string().min(1).optional(),
});
