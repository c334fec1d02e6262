import type { AdminRouter } from '@gametriggers/admin-service/router';
import { defaultPlatformConfig, platformConfigSchema } from '@gametriggers/contracts';
import type { PlatformConfig } from '@gametriggers/contracts';
import type { EventEnvelope } from '@gametriggers/events';
import { createServiceClient } from '@gametriggers/trpc';

export interface PlatformConfigClientOptions {
  /** The admin service's address (`ADMIN_SERVICE_URL`). */
  adminServiceUrl: string;
  serviceSecret: string;
  /** The calling service's name, as its service credential names it. */
  caller: string;
  /** How long a read copy is used before it is read again; `config.changed` refreshes it sooner. */
  maxAgeMs?: number;
  /** After a failed read, how long to serve the fallback before asking again. */
  retryAfterMs?: number;
  now?: () => Date;
  log?: { warn(object: unknown, message: string): void };
}

interface Cached {
  version: number;
  values: PlatformConfig;
  readAt: number;
}

/**
 * The platform configuration for a service: read from the admin service, kept for `maxAgeMs`,
 * replaced at once by a `config.changed` event, and never in the way: when the admin service does
 * not answer, the last copy read (or, before any, the built-in defaults) is used.
 */
export function createPlatformConfigClient(options: PlatformConfigClientOptions) {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  const now = () => (options.now ?? (() => new Date()))().getTime();
  const admin = createServiceClient<AdminRouter>({
    url: options.adminServiceUrl,
    secret: options.serviceSecret,
    caller: options.caller,
  });
  let cached: Cached | undefined;
  let failedAt: number | undefined;
  let reading: Promise<PlatformConfig> | undefined;

  function keep(version: number, values: PlatformConfig) {
    // An older version (a slow read racing a newer event) never replaces a newer one.
    if (!cached || version >= cached.version) cached = { version, values, readAt: now() };
  }

  async function read(): Promise<PlatformConfig> {
    try {
      const current = await admin.admin.config.internal.current.query();
      failedAt = undefined;
      keep(current.version, current.values);
    } catch (error) {
      failedAt = now();
      options.log?.warn(
        { err: error },
        cached
          ? 'the admin service did not answer; using the last configuration read'
          : 'the admin service did not answer; using the default configuration',
      );
    }
    return cached?.values ?? defaultPlatformConfig;
  }

  return {
    /** The configuration in force (cached). */
    async get(): Promise<PlatformConfig> {
      const fresh = cached && now() - cached.readAt < maxAgeMs;
      const waiting = failedAt !== undefined && now() - failedAt < retryAfterMs;
      if (fresh || waiting) return cached?.values ?? defaultPlatformConfig;
      reading ??= read().finally(() => {
        reading = undefined;
      });
      return reading;
    },

    /** The version of the copy in hand (0: the defaults; undefined: none read yet). */
    version: () => cached?.version,

    /** Applies a `config.changed` event: the new version is used from now on, without a read. */
    onConfigChanged(event: EventEnvelope<'config.changed'>) {
      const values = platformConfigSchema.safeParse({ ...defaultPlatformConfig, ...event.payload.values });
      if (values.success) keep(event.payload.version, values.data);
      else cached = undefined; // Settings this build does not know: read them through the procedure.
      return Promise.resolve();
    },
  };
}
export type PlatformConfigClient = ReturnType<typeof createPlatformConfigClient>;

/** What a service reads its settings through: the client, or `fixedPlatformConfig` in tests. */
export type PlatformConfigSource = Pick<PlatformConfigClient, 'get' | 'onConfigChanged'>;
