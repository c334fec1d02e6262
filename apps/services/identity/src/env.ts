import { parseEnv } from '@gametriggers/trpc';
import { z } from 'zod';
import { DEFAULT_ACCESS_TOKEN_TTL_SECONDS } from './domain/signing-keys';

export const identityEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().positive().default(4101),
  DATABASE_URL: z.string().url('must be a postgresql:// URL'),
  REDIS_URL: z.string().url('must be a redis:// URL'),
  SERVICE_SECRET: z.string().min(32, 'must be at least 32 characters'),
  SIGNING_KEY_SECRET: z.string().min(32, 'must be at least 32 characters'),
  SMTP_URL: z.string().url('must be an smtp:// URL, e.g. smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().default('Gametriggers <no-reply@gametriggers.dev>'),
  LANDING_URL: z.string().url().default('http://localhost:3000'),
  TOKEN_ISSUER: z.string().default('gametriggers-identity'),
  TOKEN_AUDIENCE: z.string().default('gametriggers'),
  SIGNING_KEY_ROTATION_DAYS: z.coerce.number().positive().default(30),
  /** How long an access token lives; a few seconds only in browser tests of long-lived sessions. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60 * 60)
    .default(DEFAULT_ACCESS_TOKEN_TTL_SECONDS),
});
export type IdentityEnv = z.infer<typeof identityEnvSchema>;

export function readIdentityEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('identity', identityEnvSchema, source);
}
