import { platformConfigEnvShape } from '@gametriggers/platform-config';
import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

export const campaignEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4104),
  BRAND_SERVICE_URL: z.string().url().default('http://127.0.0.1:4102'),
  STREAMER_SERVICE_URL: z.string().url().default('http://127.0.0.1:4103'),
  PAYMENT_SERVICE_URL: z.string().url().default('http://127.0.0.1:4107'),
  ASSET_SERVICE_URL: z.string().url().default('http://127.0.0.1:4108'),
  /** How often live campaigns are checked against the auto-completion rules. */
  COMPLETION_SWEEP_EVERY_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(5 * 60_000),
  ...platformConfigEnvShape,
});
export type CampaignEnv = z.infer<typeof campaignEnvSchema>;

export function readCampaignEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('campaign', campaignEnvSchema, source);
}
