import { parseEnv, serviceEnvSchema } from '@gametriggers/trpc';
import { z } from 'zod';

export const assetEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().nonnegative().default(4108),
  /** The UploadThing app (base64 JSON `{apiKey, appId, regions}`); locally the stand-in's. */
  UPLOADTHING_TOKEN: z.string().min(1, 'is required (the UploadThing app token)'),
  /** Where the SDK presigns and `UTApi` uploads; unset: UploadThing's own. */
  UPLOADTHING_INGEST_URL: z.url().optional(),
  /** Where `UTApi` calls `/v6/…`; unset: UploadThing's own. */
  UPLOADTHING_API_URL: z.url().optional(),
  /** The file host (`<ufsHost>/a/<appId>/<key>` with `path`); unset: UploadThing's own. */
  UPLOADTHING_UFS_HOST: z.string().optional(),
  UPLOADTHING_UFS_APP_ID_LOCATION: z.enum(['path', 'subdomain']).optional(),
  /**
   * Where the store calls this service back once a file is uploaded; default: this service's own
   * `/api/uploadthing` (the ingest reaches it directly, not through the gateway).
   */
  UPLOADTHING_CALLBACK_URL: z.url().optional(),
  /** Debian's `ffprobe` (the `ffmpeg` package), which measures videos. */
  FFPROBE_PATH: z.string().default('ffprobe'),
});
export type AssetEnv = z.infer<typeof assetEnvSchema>;

export function readAssetEnv(source: Record<string, string | undefined> = process.env) {
  return parseEnv('asset', assetEnvSchema, source);
}
