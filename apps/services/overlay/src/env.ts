import { encryptionKeySettingsProblems } from '@gametriggers/tokens/secret-box';
import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

/** A public development key; production refuses to start with it. */
const DEV_ENCRYPTION_KEYS = 'dev1:ZGV2LW9ubHktb3ZlcmxheS1rZXktZW5jcnlwdGlvbiE=';

export const overlayEnvSchema = serviceEnvSchema
  .extend({
    PORT: z.coerce.number().int().nonnegative().default(4110),
    CAMPAIGN_SERVICE_URL: z.string().url().default('http://127.0.0.1:4104'),
    /** Public base of the tracked short links in `ad.show` (`<base>/r/<code>`): the gateway's public URL. */
    SHORT_LINK_BASE_URL: z.string().url().default('http://localhost:4000'),
    // Pusher (or the stand-in); checked together by realtimeConfigFromEnv when the service starts.
    PUSHER_APP_ID: z.string().optional(),
    PUSHER_KEY: z.string().optional(),
    PUSHER_SECRET: z.string().optional(),
    PUSHER_CLUSTER: z.string().optional(),
    PUSHER_HOST: z.string().optional(),
    PUSHER_PORT: z.string().optional(),
    PUSHER_USE_TLS: z.enum(['true', 'false']).optional(),
    /** Keys the overlay keys are encrypted with at rest: `keyId:base64-of-32-bytes,…` (old ones still decrypt). */
    OVERLAY_ENCRYPTION_KEYS: z.string().default(DEV_ENCRYPTION_KEYS),
    /** The key new keys are encrypted with. */
    OVERLAY_ENCRYPTION_ACTIVE_KEY_ID: z.string().default('dev1'),
  })
  .superRefine((env, issues) => {
    const problems = encryptionKeySettingsProblems({
      prefix: 'OVERLAY',
      keys: env.OVERLAY_ENCRYPTION_KEYS,
      activeKeyId: env.OVERLAY_ENCRYPTION_ACTIVE_KEY_ID,
      developmentKeys: DEV_ENCRYPTION_KEYS,
      production: env.NODE_ENV === 'production',
    });
    for (const { variable, message } of problems) {
      issues.addIssue({ code: 'custom', path: [variable], message });
    }
  });
export type OverlayEnv = z.infer<typeof overlayEnvSchema>;

export function readOverlayEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('overlay', overlayEnvSchema, source);
}
