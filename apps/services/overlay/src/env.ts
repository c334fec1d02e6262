import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

export const overlayEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4110),
  CAMPAIGN_SERVICE_URL: z.string().url().default('http://127.0.0.1:4104'),
  // Pusher (or the stand-in); checked together by realtimeConfigFromEnv when the service starts.
  PUSHER_APP_ID: z.string().optional(),
  PUSHER_KEY: z.string().optional(),
  PUSHER_SECRET: z.string().optional(),
  PUSHER_CLUSTER: z.string().optional(),
  PUSHER_HOST: z.string().optional(),
  PUSHER_PORT: z.string().optional(),
  PUSHER_USE_TLS: z.enum(['true', 'false']).optional(),
});
export type OverlayEnv = z.infer<typeof overlayEnvSchema>;

export function readOverlayEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('overlay', overlayEnvSchema, source);
}
