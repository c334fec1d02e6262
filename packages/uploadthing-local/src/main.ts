// Runs the local UploadThing for development (variables in the README): `UPLOADTHING_LOCAL_PORT` (default 4908), …
import { z } from 'zod';
import { startLocalUploadThing } from './local-uploadthing';

const env = z
  .object({
    UPLOADTHING_LOCAL_PORT: z.coerce.number().int().min(0).max(65_535).default(4908),
    UPLOADTHING_LOCAL_HOST: z.string().default('127.0.0.1'),
    UPLOADTHING_LOCAL_DIR: z.string().min(1).optional(),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`Local UploadThing: invalid environment\n${z.prettifyError(env.error)}`);
  process.exit(1);
}

const local = await startLocalUploadThing({
  port: env.data.UPLOADTHING_LOCAL_PORT,
  host: env.data.UPLOADTHING_LOCAL_HOST,
  dir: env.data.UPLOADTHING_LOCAL_DIR,
});
const variables = Object.entries(local.env).map(([name, value]) => `  ${name}=${value}`);
process.stdout.write(`Local UploadThing listening on ${local.url}; point the SDK at it with:\n${variables.join('\n')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void local.close().then(() => process.exit(0));
  });
}
