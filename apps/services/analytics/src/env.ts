import { platformConfigEnvShape } from '@gametriggers/platform-config';
import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

export const analyticsEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4106),
  OVERLAY_SERVICE_URL: z.string().url().default('http://127.0.0.1:4110'),
  CAMPAIGN_SERVICE_URL: z.string().url().default('http://127.0.0.1:4104'),
  PARTICIPATION_SERVICE_URL: z.string().url().default('http://127.0.0.1:4105'),
  STREAMER_SERVICE_URL: z.string().url().default('http://127.0.0.1:4103'),
  /** The landing site, where a short link without a destination lands (`/link-unavailable`). */
  LANDING_URL: z.string().url().default('http://localhost:3000'),
  /** BullMQ key prefix for events and jobs; only tests running the process set it. */
  QUEUE_PREFIX: z.string().min(1).optional(),
  /** How often the hourly counts are brought up to date. */
  ROLLUP_EVERY_MS: z.coerce.number().int().min(1_000).default(30_000),
  ...platformConfigEnvShape,
});
export type AnalyticsEnv = z.infer<typeof analyticsEnvSchema>;

export function readAnalyticsEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('analytics', analyticsEnvSchema, source);
}
