import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

/** A public development key; production refuses to start with it. */
const DEV_CHECKPOINT_KEY = 'dev-only-audit-checkpoint-key-not-for-production';

/** The checkpoint key's settings; also read by the `audit:verify` command. */
export const checkpointKeyEnvShape = {
  /** Signs the audit chain's checkpoints (HMAC-SHA256); at least 32 characters. */
  AUDIT_CHECKPOINT_KEY: z.string().min(32).default(DEV_CHECKPOINT_KEY),
  /** Names the key in each checkpoint, so a rotated key's checkpoints are still told apart. */
  AUDIT_CHECKPOINT_KEY_ID: z.string().min(1).max(40).default('dev-1'),
};

export const adminEnvSchema = serviceEnvSchema
  .extend({
    PORT: z.coerce.number().int().nonnegative().default(4111),
    ...checkpointKeyEnvShape,
    /** How often the chain head is signed. */
    AUDIT_CHECKPOINT_EVERY_MS: z.coerce.number().int().min(1_000).default(15 * 60_000),
    /** How long the health page waits for each service's answer before calling it down. */
    HEALTH_PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_500),
  })
  .superRefine((env, issues) => {
    if (env.NODE_ENV === 'production' && env.AUDIT_CHECKPOINT_KEY === DEV_CHECKPOINT_KEY) {
      issues.addIssue({
        code: 'custom',
        path: ['AUDIT_CHECKPOINT_KEY'],
        message: 'Set a secret checkpoint key in production; the development key is public.',
      });
    }
  });
export type AdminEnv = z.infer<typeof adminEnvSchema>;

export function readAdminEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('admin', adminEnvSchema, source);
}
