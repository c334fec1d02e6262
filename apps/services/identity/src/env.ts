import { encryptionKeySettingsProblems } from '@gametriggers/tokens/secret-box';
import { parseEnv } from '@gametriggers/trpc';
import { z } from 'zod';
import { DEFAULT_ACCESS_TOKEN_TTL_SECONDS } from './domain/signing-keys';

/** A public development key; production refuses to start with it. */
const DEV_ENCRYPTION_KEYS = 'dev1:ZGV2LW9ubHktaWRlbnRpdHktdG90cC1zZWNyZXRzISE=';

/** Admin two-factor settings; every one has a development default. */
export const twoFactorSettingsSchema = z.object({
  /** Keys admins' TOTP secrets are encrypted with at rest: `keyId:base64-of-32-bytes,…`. */
  IDENTITY_ENCRYPTION_KEYS: z.string().default(DEV_ENCRYPTION_KEYS),
  /** The key new secrets are encrypted with. */
  IDENTITY_ENCRYPTION_ACTIVE_KEY_ID: z.string().default('dev1'),
  /** The issuer name authenticator apps show beside an admin's codes. */
  TOTP_ISSUER: z.string().min(1).max(40).default('Gametriggers'),
});

export const identityEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().positive().default(4101),
    DATABASE_URL: z.string().url('must be a postgresql:// URL'),
    REDIS_URL: z.string().url('must be a redis:// URL'),
    SERVICE_SECRET: z.string().min(32, 'must be at least 32 characters'),
    SIGNING_KEY_SECRET: z.string().min(32, 'must be at least 32 characters'),
    /** Where the links of verification and reset mails (sent by the notification service) point. */
    LANDING_URL: z.string().url().default('http://localhost:3000'),
    TOKEN_ISSUER: z.string().default('gametriggers-identity'),
    TOKEN_AUDIENCE: z.string().default('gametriggers'),
    SIGNING_KEY_ROTATION_DAYS: z.coerce.number().positive().default(30),
    /** BullMQ key prefix for the outbox relay; only tests and benchmarks running the process set it. */
    QUEUE_PREFIX: z.string().min(1).optional(),
    /** How long an access token lives; a few seconds only in browser tests of long-lived sessions. */
    ACCESS_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60 * 60)
      .default(DEFAULT_ACCESS_TOKEN_TTL_SECONDS),
    ...twoFactorSettingsSchema.shape,
  })
  .superRefine((env, issues) => {
    const problems = encryptionKeySettingsProblems({
      prefix: 'IDENTITY',
      keys: env.IDENTITY_ENCRYPTION_KEYS,
      activeKeyId: env.IDENTITY_ENCRYPTION_ACTIVE_KEY_ID,
      developmentKeys: DEV_ENCRYPTION_KEYS,
      production: env.NODE_ENV === 'production',
    });
    for (const { variable, message } of problems) {
      issues.addIssue({ code: 'custom', path: [variable], message });
    }
  });
export type IdentityEnv = z.infer<typeof identityEnvSchema>;

export function readIdentityEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('identity', identityEnvSchema, source);
}
