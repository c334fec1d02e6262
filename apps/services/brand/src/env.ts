import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

export const brandEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4102),
  /** The asset service, asked about uploaded verification documents (`asset.internal.assertUsable`). */
  ASSET_SERVICE_URL: z.string().url().default('http://127.0.0.1:4108'),
});
export type BrandEnv = z.infer<typeof brandEnvSchema>;

export function readBrandEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('brand', brandEnvSchema, source);
}
