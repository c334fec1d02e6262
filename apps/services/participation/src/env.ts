import { platformConfigEnvShape } from '@gametriggers/platform-config';
import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

export const participationEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4105),
  CAMPAIGN_SERVICE_URL: z.string().url().default('http://127.0.0.1:4104'),
  STREAMER_SERVICE_URL: z.string().url().default('http://127.0.0.1:4103'),
  /** Connections to the participation database (joins hold one while waiting for a streamer's lock). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  ...platformConfigEnvShape,
});
export type ParticipationEnv = z.infer<typeof participationEnvSchema>;

export function readParticipationEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('participation', participationEnvSchema, source);
}
