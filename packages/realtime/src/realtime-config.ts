import { z } from 'zod';

export interface RealtimeConfig {
  appId: string;
  key: string;
  secret: string;
  /** Pusher's cluster in production (e.g. "eu"); ignored when `host` is set. */
  cluster?: string | undefined;
  /** A self-hosted or local Pusher-protocol server, such as the stand-in. */
  host?: string | undefined;
  port?: number | undefined;
  useTLS: boolean;
}

const realtimeEnvSchema = z
  .object({
    PUSHER_APP_ID: z.string().min(1),
    PUSHER_KEY: z.string().min(1),
    PUSHER_SECRET: z.string().min(1),
    PUSHER_CLUSTER: z.string().min(1).optional(),
    PUSHER_HOST: z.string().min(1).optional(),
    PUSHER_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    PUSHER_USE_TLS: z.enum(['true', 'false']).optional(),
  })
  .refine((env) => env.PUSHER_CLUSTER ?? env.PUSHER_HOST, {
    message:
      'set PUSHER_CLUSTER (Pusher) or PUSHER_HOST (a Pusher-protocol server such as the stand-in)',
  });

/**
 * Reads the Pusher settings. TLS defaults to on for a cluster and off for a host, because the
 * only hosts we run without a cluster are local stand-ins.
 */
/** The Pusher variables of an environment (`process.env`, a service's parsed env: other keys are ignored). */
export type RealtimeEnv = Partial<
  Record<keyof z.input<typeof realtimeEnvSchema>, string | undefined>
>;

export function realtimeConfigFromEnv(env: RealtimeEnv): RealtimeConfig {
  const result = realtimeEnvSchema.safeParse(env);
  if (!result.success) {
    throw new Error(`Invalid Pusher configuration:\n${z.prettifyError(result.error)}`);
  }
  const parsed = result.data;
  return {
    appId: parsed.PUSHER_APP_ID,
    key: parsed.PUSHER_KEY,
    secret: parsed.PUSHER_SECRET,
    cluster: parsed.PUSHER_CLUSTER,
    host: parsed.PUSHER_HOST,
    port: parsed.PUSHER_PORT,
    useTLS:
      parsed.PUSHER_USE_TLS === undefined ? !parsed.PUSHER_HOST : parsed.PUSHER_USE_TLS === 'true',
  };
}
