/** What a browser needs to reach Pusher (or the stand-in), from the portal's env: never the secret. */
export interface PublicPusherSettings {
  key: string;
  cluster?: string;
  host?: string;
  port?: number;
  useTLS: boolean;
}

export function publicPusherSettings(env: Record<string, string | undefined> = process.env): PublicPusherSettings {
  const port = env.PUSHER_PORT ? Number(env.PUSHER_PORT) : undefined;
  const host = env.PUSHER_HOST;
  return {
    key: env.PUSHER_KEY ?? '',
    ...(env.PUSHER_CLUSTER ? { cluster: env.PUSHER_CLUSTER } : {}),
    ...(host ? { host } : {}),
    ...(port ? { port } : {}),
    // As in realtimeConfigFromEnv: TLS unless told otherwise, except for a self-hosted server.
    useTLS: env.PUSHER_USE_TLS ? env.PUSHER_USE_TLS === 'true' : !host,
  };
}
