import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';
import { encryptionKeySettingsProblems } from '@gametriggers/tokens/secret-box';

/** A public development key; production refuses to start with it. */
const DEV_ENCRYPTION_KEYS = 'dev1:ZGV2LW9ubHktc3RyZWFtZXItZW5jcnlwdGlvbi1rZXk=';
const DEV_CLIENT_SECRET = 'gametriggers-local-secret';

export const streamerEnvSchema = serviceEnvSchema
  .extend({
    PORT: z.coerce.number().int().nonnegative().default(4103),
    STREAMER_ENCRYPTION_KEYS: z.string().default(DEV_ENCRYPTION_KEYS),
    STREAMER_ENCRYPTION_ACTIVE_KEY_ID: z.string().default('dev1'),
    STREAMER_PORTAL_URL: z.url().default('http://localhost:3002'),
    TWITCH_API_URL: z.url().default('https://api.twitch.tv/helix'),
    TWITCH_AUTH_URL: z.url().default('https://id.twitch.tv/oauth2'),
    TWITCH_CLIENT_ID: z.string().min(1).default('gametriggers-local'),
    TWITCH_CLIENT_SECRET: z.string().min(1).default(DEV_CLIENT_SECRET),
    YOUTUBE_API_URL: z.url().default('https://www.googleapis.com/youtube/v3'),
    GOOGLE_OAUTH_URL: z.url().default('https://oauth2.googleapis.com'),
    GOOGLE_AUTHORIZE_URL: z.url().default('https://accounts.google.com/o/oauth2/v2/auth'),
    YOUTUBE_CLIENT_ID: z.string().min(1).default('gametriggers-local'),
    YOUTUBE_CLIENT_SECRET: z.string().min(1).default(DEV_CLIENT_SECRET),
    /** The asset service, asked about uploaded KYC documents (`asset.internal.assertUsable`). */
    ASSET_SERVICE_URL: z.url().default('http://127.0.0.1:4108'),
    METRICS_SYNC_INTERVAL_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
  })
  .superRefine((env, issues) => {
    const problems = encryptionKeySettingsProblems({
      prefix: 'STREAMER',
      keys: env.STREAMER_ENCRYPTION_KEYS,
      activeKeyId: env.STREAMER_ENCRYPTION_ACTIVE_KEY_ID,
      developmentKeys: DEV_ENCRYPTION_KEYS,
      production: env.NODE_ENV === 'production',
    });
    for (const { variable, message } of problems) {
      issues.addIssue({ code: 'custom', path: [variable], message });
    }
    if (env.NODE_ENV !== 'production') return;
    for (const name of ['TWITCH_CLIENT_SECRET', 'YOUTUBE_CLIENT_SECRET'] as const) {
      if (env[name] === DEV_CLIENT_SECRET) {
        issues.addIssue({
          code: 'custom',
          path: [name],
          message: 'set the real client secret in production',
        });
      }
    }
  });
export type StreamerEnv = z.infer<typeof streamerEnvSchema>;

export function readStreamerEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('streamer', streamerEnvSchema, source);
}
